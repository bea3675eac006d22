import { LightningElement, api } from 'lwc';

// Stand-in for the record-form `lightning-input-field`, which lightning-base-components
// does not ship: it picks the base input for the field's type and keeps its value.
export default class InputField extends LightningElement {
    @api field;
    _name = '';
    _value;

    @api
    get fieldName() {
        return this._name;
    }
    set fieldName(v) {
        this._name = v;
        if (this.isConnected) this.setAttribute('field-name', v);
    }

    @api
    get value() {
        return this._value;
    }
    set value(v) {
        this._value = v;
    }

    connectedCallback() {
        this.setAttribute('field-name', this._name);
    }

    get isName() {
        return this.field.type === 'name';
    }
    get isAddress() {
        return this.field.type === 'address';
    }
    get isTextarea() {
        return this.field.type === 'textarea';
    }
    get isPicklist() {
        return this.field.type === 'picklist' && !this.field.readOnly;
    }
    get isLookup() {
        return this.field.type === 'lookup';
    }
    get inputType() {
        const t = this.field.type;
        if (t === 'email') return 'email';
        if (t === 'phone') return 'tel';
        if (t === 'date') return 'date';
        if (t === 'url') return 'url';
        if (t === 'number' || t === 'currency') return 'number';
        return 'text';
    }
    get part() {
        const byKey = {};
        for (const p of this.field.parts ?? []) byKey[p.key] = p.text;
        return byKey;
    }
    get nameFields() {
        return ['firstName', 'lastName'];
    }
    get name() {
        return this._value ?? { firstName: '', lastName: '' };
    }
    get address() {
        return this._value ?? { street: '', city: '', province: '', postalCode: '', country: '' };
    }
    get str() {
        return typeof this._value === 'string' ? this._value : '';
    }
    get lookupLabel() {
        return this._value && typeof this._value === 'object' ? this._value.label : '';
    }
    get placeholder() {
        return this.field.type === 'phone' ? '' : undefined;
    }

    handleChange(event) {
        event.stopPropagation();
        const t = this.field.type;
        if (t === 'name') {
            const d = event.detail;
            this._value = { firstName: d.firstName ?? '', lastName: d.lastName ?? '' };
        } else if (t === 'address') {
            const d = event.detail;
            this._value = {
                street: d.street ?? '',
                city: d.city ?? '',
                province: d.province ?? '',
                postalCode: d.postalCode ?? '',
                country: d.country ?? '',
            };
        } else {
            this._value = event.detail.value ?? event.target.value ?? '';
        }
        this.dispatchEvent(new CustomEvent('change', { detail: { field: this._name, value: this._value } }));
    }
}
