import { LightningElement, api } from 'lwc';
import { currentRoute, rendered, ui, text, objectFor, getRecord, recordTitle, recordUrl, objectUrl } from 'demo/store';
import { SF_IDS } from '../../../../data/salesforce.ts';

export default class Home extends LightningElement {
    static renderMode = 'light';
    @api missing = false;

    get notFound() {
        return ui('notFound');
    }
    get title() {
        return ui('recentlyViewed');
    }

    get recent() {
        return Object.values(SF_IDS).map((id) => {
            const rec = getRecord(id);
            const obj = objectFor(rec.objectType);
            return { id, href: recordUrl(rec.objectType, id), label: recordTitle(obj, rec), type: text(obj.label), icon: `standard:${obj.icon}`, list: objectUrl(rec.objectType, 'list') };
        });
    }

    renderedCallback() {
        if (!this.done) {
            this.done = true;
            rendered(currentRoute());
        }
    }
}
