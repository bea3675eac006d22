// The demo org's state: records, language, shadow variant and the router. A plain
// LWC service module, imported by the components as `demo/store`.
import {
    SF_OBJECTS,
    SF_RECORDS,
    SF_UI,
    SF_IDS,
    SF_LIST_SIZE,
    generatedListRecords,
    sfObject,
    sfField,
} from '../../../../data/salesforce.ts';
import { benchObject, benchRecord } from '../../../../data/bench.ts';
import { parseSalesforcePath, salesforceVariantOfHost } from '../../../../shared/sf-routes.ts';
import {
    installRecorder,
    markNavigation,
    markRendered,
    markDelayedSection,
    recordSave,
    recordOutreach,
} from '../../../../shared/recorder.ts';

// Which bundle this is (synthetic or native shadow) is fixed at build time; the
// language comes from the org's host name like the user's locale would.
export const variant = __DEMO_SHADOW__;
export const lang = salesforceVariantOfHost(location.hostname)?.lang ?? 'en';
export const closeShadowRoots = variant === 'native';
installRecorder('salesforce', variant, lang);

const records = new Map();
for (const r of [...SF_RECORDS, ...generatedListRecords('Contact', SF_LIST_SIZE), ...generatedListRecords('Lead', SF_LIST_SIZE)]) {
    records.set(r.id, { ...r, values: { ...r.values } });
}
records.set(SF_IDS.bench, benchRecord());

export const objects = [...SF_OBJECTS];

export function objectFor(api) {
    if (api === benchObject.api) return benchObject;
    return sfObject(api);
}

export function fieldOf(obj, api) {
    return sfField(obj, api);
}

export function text(t) {
    return t[lang];
}

export function ui(key, ...args) {
    let s = SF_UI[key][lang];
    args.forEach((a, i) => {
        s = s.replace(`{${i}}`, a);
    });
    return s;
}

export function getRecord(id) {
    return records.get(id);
}

export function listRecords(objectType) {
    return [...records.values()].filter((r) => r.objectType === objectType);
}

export function recordTitle(obj, record) {
    const v = record.values[obj.nameField];
    if (v && typeof v === 'object' && 'lastName' in v) return `${v.firstName} ${v.lastName}`.trim();
    if (v && typeof v === 'object' && 'label' in v) return v.label;
    return typeof v === 'string' ? v : '';
}

let newCounter = 0;
export function saveRecord({ objectType, recordId, values, flat, trigger }) {
    let id = recordId;
    if (!id) {
        const obj = objectFor(objectType);
        newCounter += 1;
        id = `${obj.keyPrefix}Dn00000ZZ${String(newCounter).padStart(3, '0')}IAT`;
        records.set(id, { id, objectType, values: {} });
    }
    const rec = records.get(id);
    rec.values = { ...rec.values, ...values };
    recordSave({ objectType, recordId: id, fields: flat, trigger });
    return id;
}

export function outreach(action, label, route) {
    recordOutreach({ action, label, objectType: route.objectType ?? '', recordId: route.recordId ?? '' });
}

// ---- routing: Lightning is one page; links are intercepted and pushed onto history ----
const listeners = new Set();
export function currentRoute() {
    return parseSalesforcePath(location.pathname);
}
export function onRouteChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
}
function emit() {
    const route = currentRoute();
    listeners.forEach((fn) => fn(route));
}
export function navigate(url, { replace = false } = {}) {
    if (replace) history.replaceState({}, '', url);
    else history.pushState({}, '', url);
    markNavigation();
    emit();
}
window.addEventListener('popstate', () => {
    markNavigation();
    emit();
});

export function recordUrl(objectType, id, view = 'view') {
    return `/lightning/r/${objectType}/${id}/${view}`;
}
export function objectUrl(objectType, view) {
    return `/lightning/o/${objectType}/${view}`;
}

export function rendered(route) {
    markRendered(route);
}
export function delayedSectionShown() {
    markDelayedSection();
}

// ---- toasts ----
const toastListeners = new Set();
export function onToast(fn) {
    toastListeners.add(fn);
    return () => toastListeners.delete(fn);
}
export function toast(message, variantName = 'success') {
    toastListeners.forEach((fn) => fn({ message, variant: variantName }));
}

// ---- view models shared by the layout components ----
const EMPTY_NAME = { firstName: '', lastName: '' };
const EMPTY_ADDRESS = { street: '', city: '', province: '', postalCode: '', country: '' };

/** One field as a layout item renders it: label in the page language and the value in the shape its output component takes. */
export function fieldView(obj, record, api) {
    const f = fieldOf(obj, api);
    const raw = record ? record.values[api] : undefined;
    const type = f.type;
    const name = type === 'name' ? { ...EMPTY_NAME, ...(raw ?? {}) } : EMPTY_NAME;
    const address = type === 'address' ? { ...EMPTY_ADDRESS, ...(raw ?? {}) } : EMPTY_ADDRESS;
    const lookup = type === 'lookup' && raw ? raw : null;
    const str = typeof raw === 'string' ? raw : '';
    return {
        api,
        field: f,
        label: text(f.label),
        target: `sfdc:RecordField.${obj.api}.${api}`,
        type,
        readOnly: !!f.readOnly,
        str,
        name,
        address,
        lookupLabel: lookup ? lookup.label : '',
        lookupHref: lookup ? recordUrl(lookup.objectType, lookup.id) : '',
        isName: type === 'name',
        isEmail: type === 'email',
        isPhone: type === 'phone',
        isDate: type === 'date',
        isAddress: type === 'address',
        isTextarea: type === 'textarea',
        isUrl: type === 'url',
        isCurrency: type === 'currency',
        isLookup: type === 'lookup',
        isPlain: type === 'text' || type === 'number' || type === 'picklist',
        wide: type === 'textarea',
        parts: (f.parts ?? []).map((p) => ({ ...p, text: text(p.label) })),
        options: (f.options ?? []).map((o) => ({ label: o, value: o })),
    };
}

/** Two-column rows, with long text on a row of its own, as Lightning page layouts do. */
export function layoutRows(items) {
    const rows = [];
    let row = [];
    for (const item of items) {
        if (item.wide) {
            if (row.length) rows.push(row);
            rows.push([item]);
            row = [];
            continue;
        }
        row.push(item);
        if (row.length === 2) {
            rows.push(row);
            row = [];
        }
    }
    if (row.length) rows.push(row);
    return rows.map((items, i) => ({ key: `r${i}`, items }));
}

/** A record's values flattened to API name → string, compound fields split into their parts, as a save posts them. */
export function flattenValues(obj, values) {
    const flat = {};
    for (const [api, v] of Object.entries(values)) {
        const f = obj.fields.find((x) => x.api === api);
        if (!f || v === undefined || v === null) continue;
        if (f.parts && typeof v === 'object') {
            for (const p of f.parts) flat[p.api] = String(v[p.key] ?? '');
        } else if (typeof v === 'object' && 'label' in v) {
            flat[api] = v.id;
        } else {
            flat[api] = String(v);
        }
    }
    return flat;
}
