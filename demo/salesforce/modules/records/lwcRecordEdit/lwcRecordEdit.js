import { LightningElement, api } from 'lwc';
import {
    objectFor,
    getRecord,
    text,
    ui,
    recordTitle,
    saveRecord,
    flattenValues,
    navigate,
    recordUrl,
    objectUrl,
    toast,
    rendered,
    currentRoute,
    fieldView,
    layoutRows,
} from 'demo/store';
import { isSaveShortcut } from '../../../../shared/recorder.ts';

export default class LwcRecordEdit extends LightningElement {
    @api objectApi;
    @api recordId;

    get obj() {
        return objectFor(this.objectApi);
    }
    get record() {
        return this.recordId ? getRecord(this.recordId) : null;
    }
    get found() {
        return !!this.obj && (!this.recordId || !!this.record);
    }
    get heading() {
        return this.recordId
            ? ui('editTitle', recordTitle(this.obj, this.record))
            : ui('newTitle', text(this.obj.label));
    }
    get requiredText() {
        return ui('required');
    }
    get saveLabel() {
        return ui('save');
    }
    get saveNewLabel() {
        return ui('saveAndNew');
    }
    get cancelLabel() {
        return ui('cancel');
    }
    get missingText() {
        return ui('notFound');
    }

    get sections() {
        const obj = this.obj;
        return obj.sections.map((s) => ({
            key: s.id,
            title: text(s.title),
            rows: layoutRows(
                s.fields.map((api) => {
                    const v = fieldView(obj, this.record, api);
                    const value = this.record ? this.record.values[api] : undefined;
                    return {
                        ...v,
                        input: { type: v.type, readOnly: v.readOnly, text: v.label, parts: v.parts, options: v.options },
                        value: value ?? (v.type === 'name' || v.type === 'address' || v.type === 'lookup' ? undefined : ''),
                    };
                }),
            ),
        }));
    }

    connectedCallback() {
        this.onKey = (event) => {
            if (isSaveShortcut(event)) {
                event.preventDefault();
                this.save('ctrl+s');
            }
        };
        document.addEventListener('keydown', this.onKey);
    }
    disconnectedCallback() {
        document.removeEventListener('keydown', this.onKey);
    }
    renderedCallback() {
        if (!this.reported) {
            this.reported = true;
            rendered(currentRoute());
        }
    }

    // Enter in a single-line input submits the form, as the browser does for <form>.
    handleKeydown(event) {
        if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
        const origin = event.composedPath()[0];
        if (origin instanceof HTMLInputElement && !origin.readOnly) {
            event.preventDefault();
            this.save('enter');
        }
    }

    handleSave() {
        this.save('button');
    }
    handleSaveNew() {
        this.save('button', true);
    }
    handleCancel() {
        navigate(this.recordId ? recordUrl(this.objectApi, this.recordId) : objectUrl(this.objectApi, 'list'));
    }

    save(trigger, andNew = false) {
        const obj = this.obj;
        const values = {};
        for (const input of this.template.querySelectorAll('lightning-input-field')) {
            const f = obj.fields.find((x) => x.api === input.fieldName);
            if (!f || f.readOnly || f.type === 'lookup') continue;
            values[input.fieldName] = input.value ?? '';
        }
        const isNew = !this.recordId;
        const id = saveRecord({ objectType: this.objectApi, recordId: this.recordId, values, flat: flattenValues(obj, values), trigger });
        const title = recordTitle(obj, getRecord(id));
        toast(ui(isNew ? 'created' : 'saved', text(obj.label), title), 'success');
        navigate(andNew ? objectUrl(this.objectApi, 'new') : recordUrl(this.objectApi, id));
    }
}
