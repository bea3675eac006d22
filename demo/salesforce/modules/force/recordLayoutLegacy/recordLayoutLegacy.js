import { LightningElement, api } from 'lwc';
import { objectFor, getRecord, text, fieldView, layoutRows } from 'demo/store';

function display(v) {
    if (v.isName) return `${v.name.firstName} ${v.name.lastName}`.trim();
    if (v.isAddress) return [v.address.street, `${v.address.postalCode} ${v.address.city}`, v.address.country].join('\n');
    if (v.isLookup) return v.lookupLabel;
    return v.str;
}

// Aura-era record layout: plain markup in the document's light DOM, no shadow root.
export default class RecordLayoutLegacy extends LightningElement {
    static renderMode = 'light';
    @api objectApi;
    @api recordId;
    @api section;

    get title() {
        return text(this.section.title);
    }
    get rows() {
        const obj = objectFor(this.objectApi);
        const record = getRecord(this.recordId);
        return layoutRows(
            this.section.fields.map((api) => {
                const v = fieldView(obj, record, api);
                return { ...v, display: display(v) };
            }),
        );
    }
}
