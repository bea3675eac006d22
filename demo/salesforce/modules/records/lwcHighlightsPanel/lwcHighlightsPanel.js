import { LightningElement, api } from 'lwc';
import { objectFor, getRecord, text, ui, recordTitle, navigate, recordUrl, objectUrl } from 'demo/store';

export default class LwcHighlightsPanel extends LightningElement {
    @api objectApi;
    @api recordId;

    get obj() {
        return objectFor(this.objectApi);
    }
    get objectLabel() {
        return text(this.obj.label);
    }
    get iconName() {
        return `standard:${this.obj.icon}`;
    }
    get title() {
        return recordTitle(this.obj, getRecord(this.recordId));
    }
    get editLabel() {
        return ui('edit');
    }
    get newLabel() {
        return ui('newRecord');
    }
    handleEdit() {
        navigate(recordUrl(this.objectApi, this.recordId, 'edit'));
    }
    handleNew() {
        navigate(objectUrl(this.objectApi, 'new'));
    }
}
