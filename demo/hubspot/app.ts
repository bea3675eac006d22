/**
 * The HubSpot CRM stand-in: one page app for contact, company and deal records
 * and list views, built from HubSpot's published stable hooks (`data-test-id`,
 * `data-selenium-test="property-input-<name>"`, `property-label`) with generated
 * class names. Demo code: it mimics the CRM, it is not part of the extension.
 */
import { h, sc } from './dom';
import {
  HS_LIST_SIZE,
  HS_RECORDS,
  generatedHsContacts,
  hsObject,
  type HsCard,
  type HsObjectType,
  type HsProperty,
  type HsRecord,
} from '../data/hubspot';
import { parseHubSpotPath, type HsRoute } from '../shared/hs-routes';
import {
  installRecorder,
  isSaveShortcut,
  markDelayedSection,
  markNavigation,
  markRendered,
  recordOutreach,
  recordSave,
  type OutreachAction,
  type SaveTrigger,
} from '../shared/recorder';

installRecorder('hubspot', 'hubspot', 'en');

const records = new Map<string, HsRecord>();
for (const r of [...HS_RECORDS, ...generatedHsContacts(HS_LIST_SIZE)]) records.set(r.id, { ...r, values: { ...r.values } });

function mustGet(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`HubSpot demo shell is missing #${id}`);
  return el;
}
const navRoot = mustGet('hs-nav-v4');
const root = mustGet('hs-app-root');

// ---------------------------------------------------------------- routing
let teardown: Array<() => void> = [];

function navigate(url: string, replace = false): void {
  if (replace) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  markNavigation();
  render();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || !href.startsWith('/contacts/') || anchor.target === '_blank') return;
  event.preventDefault();
  navigate(href);
});

window.addEventListener('popstate', () => {
  markNavigation();
  render();
});

function portal(route: HsRoute): string {
  return route.portalId ?? '0';
}
function recordHref(portalId: string, rec: HsRecord): string {
  return `/contacts/${portalId}/record/${rec.objectTypeId}/${rec.id}`;
}
function listHref(portalId: string, objectTypeId: string): string {
  return `/contacts/${portalId}/objects/${objectTypeId}/views/all/list`;
}

function titleOf(obj: HsObjectType, rec: HsRecord): string {
  if (obj.id === '0-1') return `${rec.values.firstname ?? ''} ${rec.values.lastname ?? ''}`.trim();
  if (obj.id === '0-2') return rec.values.name ?? '';
  return rec.values.dealname ?? '';
}

function prop(obj: HsObjectType, name: string): HsProperty {
  const p = obj.properties.find((x) => x.name === name);
  if (!p) throw new Error(`HubSpot demo: ${obj.id} has no property ${name}`);
  return p;
}

// ---------------------------------------------------------------- chrome
function sprocket(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const circle = (cx: string, cy: string, r: string, fill: string): SVGCircleElement => {
    const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    c.setAttribute('cx', cx);
    c.setAttribute('cy', cy);
    c.setAttribute('r', r);
    c.setAttribute('fill', fill);
    return c;
  };
  svg.append(circle('14', '14', '5', 'none'), circle('14', '14', '3.2', '#ff7a59'), circle('6', '6', '2.2', '#ff7a59'));
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  line.setAttribute('d', 'M7.5 7.5 L11.7 11.7 M14 4 V8.8 M14 14 m0 0');
  line.setAttribute('stroke', '#ff7a59');
  line.setAttribute('stroke-width', '2');
  const ring = circle('14', '14', '5.2', 'none');
  ring.setAttribute('stroke', '#ff7a59');
  ring.setAttribute('stroke-width', '2.2');
  svg.append(line, ring, circle('14', '3.2', '1.8', '#ff7a59'));
  return svg;
}

function renderNav(): void {
  const item = (label: string) => h('li', { class: sc('NavItem', 'hs-nav-item') }, h('button', { type: 'button' }, label, ' ', h('span', { class: 'hs-caret', 'aria-hidden': 'true' }, '▾')));
  navRoot.replaceChildren(
    h(
      'nav',
      { class: sc('GlobalNav', 'hs-nav'), 'aria-label': 'Main navigation' },
      h('a', { class: 'hs-logo', href: '/contacts/' + (location.hostname.startsWith('app-eu1') ? '25912345' : '4312876'), 'aria-label': 'HubSpot home' }, sprocket()),
      h('ul', { class: 'hs-nav-items' }, item('Contacts'), item('Conversations'), item('Marketing'), item('Sales'), item('Service'), item('Reporting')),
      h('button', { class: sc('SearchTrigger', 'hs-search'), type: 'button', 'data-test-id': 'global-search' }, 'Search HubSpot'),
      h('span', { class: sc('Avatar', 'hs-nav-avatar'), title: 'Sam Carter' }, 'SC'),
    ),
  );
}

// ---------------------------------------------------------------- toasts
const toastHost = h('div', { class: sc('FloatingAlertList', 'hs-toasts'), 'data-test-id': 'toast-container', 'aria-live': 'polite' });
document.body.append(toastHost);

function toast(message: string, variant: 'success' | 'info' = 'success'): void {
  const el = h('div', { class: sc('FloatingAlert', `hs-toast hs-toast-${variant}`), role: 'status', 'data-test-id': `alert-${variant}` }, message);
  toastHost.append(el);
  setTimeout(() => el.remove(), 6000);
}

// ---------------------------------------------------------------- properties
interface PropertyControl {
  name: string;
  read: () => string;
}

let idSeq = 0;

function propertyInput(p: HsProperty, value: string, onDirty: () => void): { el: HTMLElement; control: PropertyControl | null } {
  idSeq += 1;
  const id = `property-${p.name}-${idSeq}`;
  const label = h('label', { for: id, class: sc('PropertyLabel', 'hs-prop-label'), 'data-selenium-test': 'property-label', 'data-test-id': 'property-label' }, p.label);
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null = null;
  let field: HTMLElement;
  if (p.readOnly) {
    field = h(
      'div',
      { class: sc('ReadOnlyValue', 'hs-prop-readonly'), 'data-test-id': 'property-value', 'aria-labelledby': id },
      h('span', { class: 'hs-lock', title: 'This property is read-only', 'aria-hidden': 'true' }),
      h('span', { id }, value),
    );
    label.removeAttribute('for');
  } else if (p.type === 'textarea') {
    control = h('textarea', { id, name: p.name, rows: '6', class: sc('UITextArea', 'hs-input hs-textarea') });
    control.value = value;
    field = control;
  } else if (p.type === 'select') {
    const select = h('select', { id, name: p.name, class: sc('UISelect', 'hs-input hs-select') }, h('option', { value: '' }, ''));
    for (const o of p.options ?? []) select.append(h('option', { value: o }, o));
    select.value = value;
    control = select;
    field = select;
  } else {
    const type = p.type === 'phone' ? 'tel' : p.type === 'email' ? 'email' : p.type === 'date' ? 'date' : p.type === 'url' ? 'url' : p.type === 'number' ? 'number' : 'text';
    control = h('input', { id, name: p.name, type, class: sc('UITextInput', 'hs-input'), autocomplete: 'off' });
    control.value = value;
    field = control;
  }
  if (control) {
    control.addEventListener('input', onDirty);
    control.addEventListener('change', onDirty);
  }
  const el = h(
    'div',
    { class: sc('PropertyInput', 'hs-prop'), 'data-selenium-test': `property-input-${p.name}`, 'data-test-id': `property-${p.name}` },
    label,
    field,
  );
  const c = control;
  return { el, control: c ? { name: p.name, read: () => c.value } : null };
}

// ---------------------------------------------------------------- record page
function outreachButton(action: OutreachAction | 'note' | 'task', label: string, icon: string, onClick: () => void): HTMLElement {
  return h(
    'div',
    { class: sc('HighlightAction', 'hs-action') },
    h(
      'button',
      { type: 'button', class: sc('UIIconButton', 'hs-action-btn'), 'data-selenium-test': `highlight-action-${action}`, 'data-test-id': `${action}-button`, 'aria-label': label, onclick: onClick },
      h('span', { 'aria-hidden': 'true' }, icon),
    ),
    h('span', { class: 'hs-action-label' }, label),
  );
}

function renderRecord(route: HsRoute): HTMLElement {
  const obj = route.objectTypeId ? hsObject(route.objectTypeId) : undefined;
  const rec = route.recordId ? records.get(route.recordId) : undefined;
  if (!obj || !rec || rec.objectTypeId !== obj.id) return renderMissing();
  const portalId = portal(route);
  const title = titleOf(obj, rec);
  const controls = new Map<string, PropertyControl>();
  const dirty = new Set<string>();

  const footerText = h('span', { class: 'hs-footer-text' });
  const footer = h(
    'div',
    { class: sc('InlineEditFooter', 'hs-footer'), 'data-test-id': 'inline-edit-footer', hidden: true },
    footerText,
    h('button', { type: 'button', class: sc('UIButton', 'hs-btn hs-btn-secondary'), 'data-selenium-test': 'inline-edit-cancel', onclick: () => render() }, 'Cancel'),
    h('button', { type: 'button', class: sc('UIButton', 'hs-btn hs-btn-primary'), 'data-selenium-test': 'inline-edit-save', 'data-test-id': 'save-button', onclick: () => saveProperties('button') }, 'Save'),
  );
  const markDirty = (name: string) => () => {
    dirty.add(name);
    footer.hidden = false;
    footerText.textContent = dirty.size === 1 ? "You've changed 1 property" : `You've changed ${dirty.size} properties`;
  };

  function saveProperties(trigger: SaveTrigger): void {
    if (!obj || !rec) return;
    const fields: Record<string, string> = {};
    for (const p of obj.properties) {
      if (p.readOnly) continue;
      const c = controls.get(p.name);
      fields[p.name] = c ? c.read() : (rec.values[p.name] ?? '');
    }
    Object.assign(rec.values, fields);
    recordSave({ objectType: obj.id, recordId: rec.id, fields, trigger });
    dirty.clear();
    footer.hidden = true;
    heading.textContent = titleOf(obj, rec);
    toast(`${obj.singular} saved.`);
  }

  const propertyList = (card: HsCard): HTMLElement => {
    const list = h('div', { class: sc('PropertyList', 'hs-prop-list') });
    for (const name of card.properties) {
      const p = prop(obj, name);
      const { el, control } = propertyInput(p, rec.values[name] ?? '', markDirty(name));
      if (control) controls.set(name, control);
      list.append(el);
    }
    return list;
  };

  const cardEl = (card: HsCard): HTMLElement => {
    const body = h('div', { class: sc('CardBody', 'hs-card-body') });
    const expandable = card.reveal === 'expand';
    const toggle = h(
      'button',
      { type: 'button', class: sc('CardToggle', 'hs-card-toggle'), 'aria-expanded': expandable ? 'false' : 'true', 'data-test-id': `card-toggle-${card.id}` },
      h('span', { class: 'hs-chevron', 'aria-hidden': 'true' }, expandable ? '›' : '⌄'),
      card.title,
    );
    // Sidebar cards render their properties only once opened, as HubSpot's lazy cards do.
    if (expandable) body.hidden = true;
    else body.append(propertyList(card));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      (toggle.firstChild as HTMLElement).textContent = open ? '⌄' : '›';
      if (open && !body.hasChildNodes()) body.append(propertyList(card));
      body.hidden = !open;
    });
    return h('section', { class: sc('SidebarCard', 'hs-card'), 'data-test-id': `card-${card.id}` }, h('h2', { class: 'hs-card-title' }, toggle), body);
  };

  const startOutreach = (action: OutreachAction, label: string) => () => {
    recordOutreach({ action, label, objectType: obj.id, recordId: rec.id });
    toast(`${label}: ${titleOf(obj, rec)}`, 'info');
  };

  const heading = h('h1', { class: sc('RecordName', 'hs-record-name'), 'data-test-id': 'record-title' }, title);
  const initials = title
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
  const subtitle = obj.id === '0-1' ? [rec.values.jobtitle, rec.values.company].filter(Boolean).join(' at ') : obj.id === '0-2' ? (rec.values.domain ?? '') : (rec.values.dealstage ?? '');

  const noteEditor = h('div', {
    class: sc('RichTextEditor', 'hs-rte ProseMirror'),
    contenteditable: 'true',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Note',
    'data-test-id': 'rich-text-editor',
    'data-placeholder': 'Start typing to leave a note...',
  });
  const timeline = h('ol', { class: sc('Timeline', 'hs-timeline'), 'data-test-id': 'timeline' });
  const saveNote = (trigger: SaveTrigger): void => {
    const text = noteEditor.innerText.trim();
    if (!text) return;
    recordSave({ objectType: obj.id, recordId: rec.id, fields: { hs_note_body: text }, trigger });
    timeline.prepend(h('li', { class: 'hs-timeline-item' }, h('strong', {}, 'Note'), h('p', {}, text)));
    noteEditor.replaceChildren();
    toast('Note created.');
  };
  const format = (command: string, label: string, glyph: string) =>
    h(
      'button',
      {
        type: 'button',
        class: sc('RTEButton', 'hs-rte-btn'),
        'aria-label': label,
        title: label,
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: () => {
          noteEditor.focus();
          document.execCommand(command);
        },
      },
      glyph,
    );
  const composer = h(
    'section',
    { class: sc('NoteComposer', 'hs-card hs-composer'), 'data-test-id': 'note-composer' },
    h('h2', { class: 'hs-card-heading' }, 'Create note'),
    h('div', { class: 'hs-rte-toolbar', role: 'toolbar', 'aria-label': 'Formatting' }, format('bold', 'Bold', 'B'), format('italic', 'Italic', 'I'), format('underline', 'Underline', 'U'), format('insertUnorderedList', 'Bulleted list', '•')),
    noteEditor,
    h('div', { class: 'hs-composer-actions' }, h('button', { type: 'button', class: sc('UIButton', 'hs-btn hs-btn-primary'), 'data-test-id': 'create-note-save', 'data-selenium-test': 'note-save-button', onclick: () => saveNote('button') }, 'Save note')),
  );

  const highlights = h(
    'section',
    { class: sc('DataHighlights', 'hs-card'), 'data-test-id': 'data-highlights' },
    h('h2', { class: 'hs-card-heading' }, 'Data highlights'),
    h(
      'dl',
      { class: 'hs-highlights' },
      h('div', {}, h('dt', {}, 'CREATE DATE'), h('dd', {}, '03/11/2026 9:14 AM CET')),
      h('div', {}, h('dt', {}, 'LIFECYCLE STAGE'), h('dd', {}, rec.values.lifecyclestage ?? rec.values.dealstage ?? '—')),
      h('div', {}, h('dt', {}, 'LAST ACTIVITY DATE'), h('dd', {}, '11/26/2026 4:02 PM CET')),
    ),
  );

  // Middle tabs: Overview on load; Activities renders its content the first time it is opened.
  const overview = h('div', { role: 'tabpanel', 'data-test-id': 'tab-panel-overview' }, highlights, composer, h('section', { class: sc('RecentActivity', 'hs-card') }, h('h2', { class: 'hs-card-heading' }, 'Recent activities'), timeline));
  const activities = h('div', { role: 'tabpanel', 'data-test-id': 'tab-panel-activities', hidden: true });
  const tabButton = (id: string, label: string, selected: boolean) =>
    h('button', { type: 'button', role: 'tab', class: sc('UITab', 'hs-tab'), 'aria-selected': String(selected), 'data-test-id': `tab-${id}` }, label);
  const tabOverview = tabButton('overview', 'Overview', true);
  const tabActivities = tabButton('activities', 'Activities', false);
  const select = (which: 'overview' | 'activities') => {
    tabOverview.setAttribute('aria-selected', String(which === 'overview'));
    tabActivities.setAttribute('aria-selected', String(which === 'activities'));
    overview.hidden = which !== 'overview';
    activities.hidden = which !== 'activities';
    if (which === 'activities' && !activities.hasChildNodes()) {
      activities.append(
        h(
          'section',
          { class: sc('ActivityLog', 'hs-card') },
          h('h2', { class: 'hs-card-heading' }, 'Upcoming'),
          h('p', { class: 'hs-muted' }, 'Meeting: pilot scope review — next Tuesday 10:00'),
          h('h2', { class: 'hs-card-heading' }, 'November 2026'),
          h('p', { class: 'hs-muted' }, 'Logged call — connected, 14 min'),
          h('p', { class: 'hs-muted' }, 'Email opened: “Your pilot proposal”'),
        ),
      );
    }
  };
  tabOverview.addEventListener('click', () => select('overview'));
  tabActivities.addEventListener('click', () => select('activities'));

  const assocCard = (label: string, objectTypeId: string) => {
    const items = rec.associations.map((id) => records.get(id)).filter((r): r is HsRecord => !!r && r.objectTypeId === objectTypeId);
    if (!items.length) return null;
    const o = hsObject(objectTypeId);
    if (!o) return null;
    return h(
      'section',
      { class: sc('AssociationCard', 'hs-card'), 'data-test-id': `association-card-${objectTypeId}` },
      h('h2', { class: 'hs-card-heading' }, `${label} (${items.length})`),
      h('ul', { class: 'hs-assoc' }, ...items.map((r) => h('li', {}, h('a', { href: recordHref(portalId, r) }, titleOf(o, r))))),
    );
  };

  const delayedCards = obj.cards.filter((c) => c.reveal === 'delay');
  const delayedSlot = h('div', { 'data-test-id': 'delayed-cards' }, ...delayedCards.map(() => h('div', { class: 'hs-skeleton', 'aria-busy': 'true' }, 'Loading…')));
  if (delayedCards.length) {
    const timer = setTimeout(() => {
      delayedSlot.replaceChildren(...delayedCards.map(cardEl));
      markDelayedSection();
    }, 500);
    teardown.push(() => clearTimeout(timer));
  }

  const left = h(
    'aside',
    { class: sc('LeftSidebar', 'hs-left'), 'data-test-id': 'left-sidebar' },
    h('a', { class: 'hs-back', href: listHref(portalId, obj.id) }, `‹ ${obj.plural}`),
    h(
      'header',
      { class: 'hs-record-header', 'data-test-id': 'record-highlight' },
      h('span', { class: sc('Avatar', 'hs-avatar'), 'aria-hidden': 'true' }, initials),
      h('div', {}, heading, h('p', { class: 'hs-subtitle' }, subtitle)),
    ),
    h(
      'div',
      { class: 'hs-actions', 'data-test-id': 'highlight-actions' },
      outreachButton('note', 'Note', '✎', () => noteEditor.focus()),
      outreachButton('email', 'Email', '✉', startOutreach('email', 'Email')),
      outreachButton('call', 'Call', '☎', startOutreach('call', 'Call')),
      outreachButton('task', 'Task', '☑', () => toast('Task created.', 'info')),
      outreachButton('meeting', 'Meeting', '▦', startOutreach('meeting', 'Meeting')),
    ),
    ...obj.cards.filter((c) => c.column === 'left').map(cardEl),
  );
  left.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement && !t.readOnly) {
      e.preventDefault();
      saveProperties('enter');
    }
  });

  const onKey = (e: KeyboardEvent) => {
    if (!isSaveShortcut(e)) return;
    e.preventDefault();
    if (document.activeElement === noteEditor) saveNote('ctrl+s');
    else saveProperties('ctrl+s');
  };
  document.addEventListener('keydown', onKey);
  teardown.push(() => document.removeEventListener('keydown', onKey));

  const right = h(
    'aside',
    { class: sc('RightSidebar', 'hs-right'), 'data-test-id': 'right-sidebar' },
    assocCard('Companies', '0-2'),
    assocCard('Contacts', '0-1'),
    assocCard('Deals', '0-3'),
    delayedSlot,
    ...obj.cards.filter((c) => c.column === 'right' && c.reveal !== 'delay').map(cardEl),
  );

  return h(
    'div',
    { class: sc('RecordPage', 'hs-record'), 'data-test-id': 'record-page', 'data-object-type-id': obj.id },
    left,
    h('main', { class: sc('MiddlePane', 'hs-middle'), 'data-test-id': 'middle-pane' }, h('div', { role: 'tablist', class: 'hs-tabs' }, tabOverview, tabActivities), overview, activities),
    right,
    footer,
  );
}

// ---------------------------------------------------------------- list view
function renderList(route: HsRoute): HTMLElement {
  const obj = route.objectTypeId ? hsObject(route.objectTypeId) : undefined;
  if (!obj) return renderMissing();
  const portalId = portal(route);
  const rows = [...records.values()].filter((r) => r.objectTypeId === obj.id);
  const cols = obj.listColumns.map((n) => prop(obj, n));
  return h(
    'div',
    { class: sc('IndexPage', 'hs-index'), 'data-test-id': 'index-page' },
    h(
      'header',
      { class: 'hs-index-header' },
      h('h1', {}, obj.plural),
      h('span', { class: 'hs-muted', 'data-test-id': 'record-count' }, `${rows.length} records`),
    ),
    h(
      'div',
      { class: 'hs-table-wrap' },
      h(
        'table',
        { class: sc('UITable', 'hs-table'), 'data-test-id': 'table' },
        h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col', 'data-test-id': `column-header-${c.name}` }, (c.name === 'firstname' ? 'Name' : c.label).toUpperCase())))),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              { 'data-test-id': `row-${r.id}` },
              ...cols.map((c, i) =>
                h(
                  'td',
                  { 'data-test-id': `cell-${c.name}` },
                  i === 0 ? h('a', { href: recordHref(portalId, r) }, titleOf(obj, r)) : (r.values[c.name] ?? '--'),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function renderMissing(): HTMLElement {
  return h('div', { class: 'hs-missing', 'data-test-id': 'not-found' }, h('h1', {}, "This page doesn't exist"), h('p', {}, 'Check the URL or go back to your contacts.'));
}

// ---------------------------------------------------------------- render loop
function render(): void {
  for (const fn of teardown) fn();
  teardown = [];
  const route = parseHubSpotPath(location.pathname);
  if (route.view === 'home' && route.portalId) {
    navigate(listHref(route.portalId, '0-1'), true);
    return;
  }
  const page = route.view === 'record' ? renderRecord(route) : route.view === 'list' ? renderList(route) : renderMissing();
  root.replaceChildren(page);
  document.title = route.view === 'record' ? `${page.querySelector('[data-test-id="record-title"]')?.textContent ?? ''} | HubSpot` : 'HubSpot';
  markRendered({ view: route.view === 'record' ? 'view' : route.view, objectType: route.objectTypeId, recordId: route.recordId });
}

renderNav();
render();
