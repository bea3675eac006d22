/**
 * A small reader for XML property lists (.plist, .mobileconfig), enough for the
 * configuration profiles in the admin guide: dict, array, key, string, integer,
 * real, true/false, date and data. Linear scan; no DOM.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

export class PlistError extends Error {}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

interface Token {
  kind: 'open' | 'close' | 'empty';
  name: string;
  text: string;
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  // A scanner with indexOf rather than one big regex: every step moves forward, so
  // a malformed file costs linear time. Comments, processing instructions and
  // DOCTYPE are skipped; each tag keeps the text before it.
  let pos = 0;
  let text = '';
  const skipTo = (from: number, terminator: string): number => {
    const at = xml.indexOf(terminator, from);
    if (at < 0) throw new PlistError(`unterminated ${xml.slice(from, from + 4)}…`);
    return at + terminator.length;
  };
  while (pos < xml.length) {
    const open = xml.indexOf('<', pos);
    if (open < 0) break;
    text += xml.slice(pos, open);
    if (xml.startsWith('<!--', open)) pos = skipTo(open + 4, '-->');
    else if (xml.startsWith('<?', open)) pos = skipTo(open + 2, '?>');
    else if (xml.startsWith('<!', open)) pos = skipTo(open + 2, '>');
    else {
      pos = skipTo(open + 1, '>');
      const inner = xml.slice(open + 1, pos - 1).trim();
      const closing = inner.startsWith('/');
      const selfClosing = !closing && inner.endsWith('/');
      const name = /^[A-Za-z]+/.exec(closing ? inner.slice(1) : inner)?.[0];
      if (!name) throw new PlistError(`malformed tag <${inner.slice(0, 20)}>`);
      tokens.push({ kind: closing ? 'close' : selfClosing ? 'empty' : 'open', name, text });
      text = '';
    }
  }
  return tokens;
}

export function parsePlist(xml: string): PlistValue {
  const tokens = tokenize(xml);
  let i = 0;
  const next = (): Token => {
    const token = tokens[i++];
    if (!token) throw new PlistError('unexpected end of property list');
    return token;
  };
  const expectClose = (name: string): string => {
    const token = next();
    if (token.kind !== 'close' || token.name !== name) throw new PlistError(`expected </${name}>, found <${token.kind === 'close' ? '/' : ''}${token.name}>`);
    return decode(token.text);
  };
  const value = (token: Token): PlistValue => {
    if (token.kind === 'empty') {
      if (token.name === 'true') return true;
      if (token.name === 'false') return false;
      if (token.name === 'string') return '';
      if (token.name === 'dict') return {};
      if (token.name === 'array') return [];
      throw new PlistError(`unsupported <${token.name}/>`);
    }
    if (token.kind !== 'open') throw new PlistError(`unexpected </${token.name}>`);
    switch (token.name) {
      case 'string':
      case 'date':
        return expectClose(token.name);
      case 'data':
        return expectClose('data').replace(/\s+/g, '');
      case 'integer':
      case 'real': {
        const raw = expectClose(token.name).trim();
        const n = Number(raw);
        if (raw === '' || !Number.isFinite(n)) throw new PlistError(`<${token.name}> ${raw} is not a number`);
        return n;
      }
      case 'array': {
        const out: PlistValue[] = [];
        for (let t = next(); !(t.kind === 'close' && t.name === 'array'); t = next()) out.push(value(t));
        return out;
      }
      case 'dict': {
        const out: Record<string, PlistValue> = Object.create(null) as Record<string, PlistValue>;
        for (let t = next(); !(t.kind === 'close' && t.name === 'dict'); t = next()) {
          if (t.kind !== 'open' || t.name !== 'key') throw new PlistError(`expected <key> in <dict>, found <${t.name}>`);
          const key = expectClose('key');
          out[key] = value(next());
        }
        return { ...out };
      }
      default:
        throw new PlistError(`unsupported <${token.name}>`);
    }
  };
  const root = next();
  if (root.kind !== 'open' || root.name !== 'plist') throw new PlistError('not a property list (no <plist>)');
  const result = value(next());
  expectClose('plist');
  return result;
}
