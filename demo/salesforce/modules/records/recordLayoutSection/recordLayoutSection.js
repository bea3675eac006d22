import { LightningElement, api } from 'lwc';
import { objectFor, getRecord, text, fieldView, layoutRows } from 'demo/store';

export default class RecordLayoutSection extends LightningElement {
    @api objectApi;
    @api recordId;
    @api section;
    open = true;

    get title() {
        return text(this.section.title);
    }
    get rows() {
        const obj = objectFor(this.objectApi);
        const record = getRecord(this.recordId);
        return layoutRows(this.section.fields.map((api) => fieldView(obj, record, api)));
    }
    get sectionClass() {
        return this.open ? 'slds-section slds-is-open' : 'slds-section';
    }
    get expanded() {
        return String(this.open);
    }
    toggle() {
        this.open = !this.open;
    }
}
