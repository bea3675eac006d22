import { LightningElement, api } from 'lwc';
import { objectFor, getRecord, text, ui, rendered, delayedSectionShown, currentRoute, navigate, recordUrl, closeShadowRoots } from 'demo/store';

export default class RecordHome extends LightningElement {
    static renderMode = 'light';
    @api objectApi;
    @api recordId;
    delayedVisible = false;

    get obj() {
        return objectFor(this.objectApi);
    }
    get record() {
        const r = getRecord(this.recordId);
        return r && r.objectType === this.objectApi ? r : null;
    }
    get found() {
        return !!(this.obj && this.record);
    }
    get missingText() {
        return ui('notFound');
    }

    sectionsWith(pred) {
        if (!this.found) return [];
        return this.obj.sections.filter(pred).map((s) => ({
            key: s.id,
            section: s,
            tabLabel: s.reveal.kind === 'tab' ? text(s.reveal.tab) : '',
            closed: !!s.closedShadow && closeShadowRoots,
            light: !!s.lightDom,
        }));
    }
    get loadSections() {
        return this.sectionsWith((s) => s.reveal.kind === 'load');
    }
    get delayedSections() {
        return this.delayedVisible ? this.sectionsWith((s) => s.reveal.kind === 'delay') : [];
    }
    get tabSections() {
        return this.sectionsWith((s) => s.reveal.kind === 'tab');
    }
    get hasDelayed() {
        return this.found && this.obj.sections.some((s) => s.reveal.kind === 'delay');
    }
    get loadingText() {
        return ui('loading');
    }
    get detailsLabel() {
        return ui('details');
    }
    get relatedLabel() {
        return ui('related');
    }
    get relatedTitle() {
        return ui('openRelated');
    }

    connectedCallback() {
        if (this.hasDelayed) {
            const delay = this.obj.sections.find((s) => s.reveal.kind === 'delay').reveal.ms;
            this.timer = setTimeout(() => {
                this.delayedVisible = true;
                this.delayedPending = true;
            }, delay);
        }
    }
    disconnectedCallback() {
        clearTimeout(this.timer);
    }
    renderedCallback() {
        if (!this.reported) {
            this.reported = true;
            rendered(currentRoute());
        }
        if (this.delayedPending) {
            this.delayedPending = false;
            delayedSectionShown();
        }
    }

    handleInlineEdit() {
        navigate(recordUrl(this.objectApi, this.recordId, 'edit'));
    }
}
