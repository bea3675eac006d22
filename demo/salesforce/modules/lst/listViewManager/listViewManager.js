import { LightningElement, api } from 'lwc';
import { objectFor, listRecords, text, ui, fieldView, recordUrl, navigate, objectUrl, rendered, currentRoute } from 'demo/store';

export default class ListViewManager extends LightningElement {
    @api objectApi;

    get obj() {
        return objectFor(this.objectApi);
    }
    get found() {
        return !!this.obj;
    }
    get plural() {
        return text(this.obj.plural);
    }
    get iconName() {
        return `standard:${this.obj.icon}`;
    }
    get listName() {
        return ui('recentlyViewed');
    }
    get newLabel() {
        return ui('newRecord');
    }
    get missingText() {
        return ui('notFound');
    }
    get columns() {
        return this.obj.listColumns.map((api) => ({ api, label: text(this.obj.fields.find((f) => f.api === api).label) }));
    }
    get rows() {
        const obj = this.obj;
        return listRecords(this.objectApi).map((rec) => ({
            id: rec.id,
            cells: obj.listColumns.map((api, i) => {
                const v = fieldView(obj, rec, api);
                const display = v.isName
                    ? `${v.name.firstName} ${v.name.lastName}`.trim()
                    : v.isLookup
                      ? v.lookupLabel
                      : v.str;
                return {
                    key: api,
                    label: v.label,
                    display,
                    isTitle: i === 0,
                    href: i === 0 ? recordUrl(obj.api, rec.id) : v.lookupHref,
                    isLink: i === 0 || v.isLookup,
                    isEmail: v.isEmail,
                    isPhone: v.isPhone,
                    mailto: `mailto:${v.str}`,
                };
            }),
        }));
    }
    get countText() {
        return ui('items', String(listRecords(this.objectApi).length));
    }
    handleNew() {
        navigate(objectUrl(this.objectApi, 'new'));
    }
    renderedCallback() {
        if (!this.reported) {
            this.reported = true;
            rendered(currentRoute());
        }
    }
}
