import { LightningElement } from 'lwc';
import { onToast } from 'demo/store';

let seq = 0;

export default class Toast extends LightningElement {
    static renderMode = 'light';
    toasts = [];

    connectedCallback() {
        this.unsubscribe = onToast(({ message, variant }) => {
            seq += 1;
            const key = `t${seq}`;
            this.toasts = [
                ...this.toasts,
                { key, message, className: `slds-notify slds-notify_toast slds-theme_${variant} forceToastMessage`, icon: `utility:${variant}` },
            ];
            setTimeout(() => this.dismiss(key), 6000);
        });
    }
    disconnectedCallback() {
        this.unsubscribe?.();
    }
    dismiss(key) {
        this.toasts = this.toasts.filter((t) => t.key !== key);
    }
    handleClose(event) {
        this.dismiss(event.currentTarget.dataset.key);
    }
}
