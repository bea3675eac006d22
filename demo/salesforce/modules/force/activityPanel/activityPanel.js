import { LightningElement, api } from 'lwc';
import { ui, outreach, toast, objectFor, getRecord, recordTitle, currentRoute } from 'demo/store';

const ACTIONS = [
    { name: 'LogACall', action: 'call', key: 'logCall', icon: 'utility:log_a_call' },
    { name: 'NewEvent', action: 'meeting', key: 'newEvent', icon: 'utility:event' },
    { name: 'SendEmail', action: 'email', key: 'sendEmail', icon: 'utility:email' },
];

export default class ActivityPanel extends LightningElement {
    @api objectApi;
    @api recordId;

    get title() {
        return ui('activity');
    }
    get upcoming() {
        return ui('upcoming');
    }
    get empty() {
        return ui('noActivities');
    }
    get actions() {
        return ACTIONS.map((a) => ({
            ...a,
            label: ui(a.key),
            target: `sfdc:QuickAction.${this.objectApi}.${a.name}`,
        }));
    }
    handleAction(event) {
        const a = ACTIONS.find((x) => x.name === event.currentTarget.dataset.action);
        if (!a) return;
        const label = ui(a.key);
        outreach(a.action, label, currentRoute());
        const who = recordTitle(objectFor(this.objectApi), getRecord(this.recordId));
        toast(ui('outreachStarted', label, who), 'info');
    }
}
