import { LightningElement, api } from 'lwc';
import { ui } from 'demo/store';

export default class RecordLayoutItem extends LightningElement {
    @api fieldApi;
    @api objectApi;
    @api readOnly = false;
    _label = '';

    // Lightning reflects the label onto the host as `field-label`; adapters key on it.
    @api
    get fieldLabel() {
        return this._label;
    }
    set fieldLabel(value) {
        this._label = value;
        if (this.isConnected) this.setAttribute('field-label', value);
    }

    connectedCallback() {
        this.setAttribute('field-label', this._label);
    }

    get targetSelectionName() {
        return `sfdc:RecordField.${this.objectApi}.${this.fieldApi}`;
    }
    get editTitle() {
        return `${ui('edit')}: ${this._label}`;
    }
    get editable() {
        return !this.readOnly;
    }
    handleEdit() {
        this.dispatchEvent(new CustomEvent('inlineedit', { bubbles: true, composed: true, detail: { field: this.fieldApi } }));
    }
}
