/**
 * Reading and changing the text of the controls reps type into: inputs,
 * textareas and contenteditable editors. Changes go through the page's own
 * channels (native value setter + input/change events; selection +
 * `insertText` for editors), so LWC, React-like inputs and rich-text editors
 * update their own models and the rep's undo history keeps working where the
 * browser offers it.
 */

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url']);

export type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

export function isValueControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
}

function editableAttr(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** The control a rep types into at `el`: the input/textarea itself, or the contenteditable editing host around it. */
export function textControlAt(el: Element | null): TextControl | null {
  if (!el) return null;
  if (isValueControl(el)) return (el as HTMLInputElement).readOnly || (el as HTMLInputElement).disabled ? null : el;
  let host: HTMLElement | null = null;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (editableAttr(cur)) host = cur as HTMLElement;
    else if (host) break;
  }
  return host;
}

export function controlType(el: TextControl): string {
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (el.tagName === 'INPUT') return ((el as HTMLInputElement).getAttribute('type') || 'text').toLowerCase();
  return 'contenteditable';
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** An editor's text and where each text node starts in it. */
export interface EditorText {
  text: string;
  nodes: Text[];
  starts: number[];
}

/**
 * The text of a contenteditable editor as one string: text nodes in order, a
 * line break for <br> and between blocks. Reads node data only (no innerText),
 * so no layout is forced.
 */
export function editorText(root: HTMLElement): EditorText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const breakLine = () => {
    if (length > 0 && parts[parts.length - 1]?.endsWith('\n') === false) push('\n');
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      nodes.push(node as Text);
      starts.push(length);
      push(data);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'BR') {
      push('\n');
      return;
    }
    const block = BLOCKS.has(el.tagName);
    if (block) breakLine();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) breakLine();
  };
  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  return { text: parts.join(''), nodes, starts };
}

export function readText(el: TextControl): string {
  return isValueControl(el) ? el.value : editorText(el).text;
}

/** A DOM range over [start, end) of an editor's text. */
export function editorRange(root: HTMLElement, model: EditorText, start: number, end: number): Range | null {
  const point = (offset: number, preferNext: boolean): [Text, number] | null => {
    for (let i = 0; i < model.nodes.length; i++) {
      const s = model.starts[i]!;
      const node = model.nodes[i]!;
      const e = s + node.data.length;
      if (offset < s) return preferNext ? [node, 0] : null;
      if (offset < e || (offset === e && !preferNext)) return [node, offset - s];
    }
    const last = model.nodes[model.nodes.length - 1];
    return last ? [last, last.data.length] : null;
  };
  const a = point(start, true);
  const b = point(end, false) ?? a;
  if (!a || !b) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

function nativeValueSetter(el: HTMLInputElement | HTMLTextAreaElement): ((v: string) => void) | null {
  const view = el.ownerDocument.defaultView;
  const proto = el.tagName === 'TEXTAREA' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  return setter ? (v: string) => setter.call(el, v) : null;
}

function fire(el: Element, type: 'input' | 'change', data: string): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = type === 'input' && view && 'InputEvent' in view ? view.InputEvent : view?.Event ?? Event;
  const init = type === 'input' ? { bubbles: true, composed: true, inputType: 'insertReplacementText', data } : { bubbles: true, composed: false };
  el.dispatchEvent(new (Ctor as typeof InputEvent)(type, init));
}

/**
 * Replace [start, end) of the control's text with `replacement`, as the rep's
 * click asked. Returns false (and leaves the text as it is) when the span no
 * longer holds `expected`, i.e. the rep typed over it since the warning.
 */
export function replaceText(el: TextControl, start: number, end: number, replacement: string, expected: string): boolean {
  if (isValueControl(el)) {
    const value = el.value;
    if (value.slice(start, end) !== expected) return false;
    const next = value.slice(0, start) + replacement + value.slice(end);
    const caret = el.selectionStart;
    const set = nativeValueSetter(el);
    if (set) set(next);
    else el.value = next;
    if (caret !== null && el.ownerDocument.activeElement === el) {
      const moved = caret >= end ? caret + replacement.length - (end - start) : Math.min(caret, start + replacement.length);
      el.setSelectionRange(moved, moved);
    }
    fire(el, 'input', replacement);
    fire(el, 'change', replacement);
    return el.value === next;
  }
  const model = editorText(el);
  if (model.text.slice(start, end) !== expected) return false;
  const range = editorRange(el, model, start, end);
  if (!range) return false;
  const expectedText = model.text.slice(0, start) + replacement + model.text.slice(end);
  const doc = el.ownerDocument;
  el.focus({ preventScroll: true });
  const selection = doc.getSelection();
  let done = false;
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(range);
    // insertText runs the editor's beforeinput/input pipeline, so its model (ProseMirror, Draft, LWC rich text) follows.
    try {
      const ran = replacement ? doc.execCommand('insertText', false, replacement) : doc.execCommand('delete', false);
      done = ran && editorText(el).text === expectedText;
    } catch {
      done = false;
    }
  }
  if (!done && editorText(el).text === model.text) {
    // Browsers without insertText for this editor: edit the DOM and tell the page as an input would.
    range.deleteContents();
    if (replacement) range.insertNode(doc.createTextNode(replacement));
    el.normalize();
    fire(el, 'input', replacement);
    done = editorText(el).text === expectedText;
  }
  return done;
}
