/**
 * Save and outreach controls shared by the adapters: links every web page uses
 * (`mailto:`, `tel:`) and buttons recognised by their stable hooks or their
 * accessible name in English or German.
 */
import type { OutreachChannel, OutreachControl, ScanRoot } from './adapter';
import { queryOwn } from './query';
import { cleanText } from '../scan/composed';

const LINK_CHANNELS: ReadonlyArray<readonly [string, OutreachChannel]> = [
  ['a[href^="mailto:" i]', 'email'],
  ['a[href^="tel:" i], a[href^="callto:" i], a[href^="sip:" i]', 'phone'],
];

/** Accessible names of buttons that start outreach. Anchored whole-name matches; no nested quantifiers. */
const NAME_CHANNELS: ReadonlyArray<readonly [RegExp, OutreachChannel]> = [
  [/^(send )?e-?mail$|^(e-mail|email) (senden|schreiben)$|^new email$|^neue e-mail$/i, 'email'],
  [/^call$|^log a call$|^anrufen$|^anruf protokollieren$|^dial$/i, 'phone'],
  [/^(new )?(meeting|event)$|^schedule( a)? meeting$|^(neues )?(meeting|ereignis)$|^besprechung planen$/i, 'meeting'],
];

function accessibleName(el: Element): string {
  return cleanText(el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent);
}

/** Outreach controls by hook selectors, links and button names. */
export function findOutreach(root: ScanRoot, hooks: ReadonlyArray<readonly [string, OutreachChannel]>): OutreachControl[] {
  const seen = new Set<Element>();
  const out: OutreachControl[] = [];
  const add = (element: Element, channel: OutreachChannel) => {
    if (seen.has(element)) return;
    seen.add(element);
    out.push({ element, channel });
  };
  for (const [selector, channel] of [...hooks, ...LINK_CHANNELS]) {
    for (const el of queryOwn(root, selector)) add(el, channel);
  }
  for (const el of queryOwn(root, 'button, [role="button"]')) {
    const name = accessibleName(el);
    if (!name || name.length > 40) continue;
    const hit = NAME_CHANNELS.find(([re]) => re.test(name));
    if (hit) add(el, hit[1]);
  }
  return out;
}

const SAVE_NAME = /^(save|save & new|save and new|save changes|update|create|submit|speichern|speichern & neu|änderungen speichern|erstellen|aktualisieren)$/i;

/** Save controls by hook selectors plus submit buttons and buttons named Save / Speichern. */
export function findSave(root: ScanRoot, hooks: readonly string[]): Element[] {
  const seen = new Set<Element>();
  for (const selector of hooks) for (const el of queryOwn(root, selector)) seen.add(el);
  for (const el of queryOwn(root, 'button, input[type="submit"], [role="button"]')) {
    if (seen.has(el)) continue;
    const name = el.tagName === 'INPUT' ? cleanText((el as HTMLInputElement).value) : accessibleName(el);
    if (SAVE_NAME.test(name) || (el.getAttribute('type') === 'submit' && el.closest('form'))) seen.add(el);
  }
  return [...seen];
}
