import { LightningElement, api, createElement } from 'lwc';
import RecordLayoutSection from 'records/recordLayoutSection';

// Lightning Web Security closes component shadow roots. LWC only lets the root of
// a createElement() tree choose `mode: 'closed'`, so this host mounts one.
export default class ClosedSectionHost extends LightningElement {
    @api objectApi;
    @api recordId;
    @api section;

    renderedCallback() {
        if (this.mounted) return;
        this.mounted = true;
        const el = createElement('records-record-layout-section', { is: RecordLayoutSection, mode: 'closed' });
        el.objectApi = this.objectApi;
        el.recordId = this.recordId;
        el.section = this.section;
        this.template.querySelector('.closed-mount').appendChild(el);
    }
}
