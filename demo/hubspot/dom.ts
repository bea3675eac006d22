/** Tiny DOM builder for the HubSpot stand-in; everything from data goes in as text. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

// HubSpot's class names come from styled-components: `Name__Styled-sc-<hash>-0 <hash>`.
// Stable per component name so screenshots and tests are reproducible, but as meaningless as the real ones.
function hash(s: string, seed: number): string {
  let x = seed;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 2654435761) >>> 0;
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += alphabet[x % alphabet.length] ?? 'a';
    x = Math.floor(x / alphabet.length) + i * 7919;
  }
  return out;
}

/** Generated-looking class list for a named styled component, plus the real CSS hook class the stylesheet uses. */
export function sc(component: string, styleHook: string): string {
  return `${component}__Styled-sc-${hash(component, 7).toLowerCase()}-0 ${hash(component, 13)} ${styleHook}`;
}
