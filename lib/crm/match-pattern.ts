/**
 * WebExtension match patterns (`https://crm.example.com/*`, `https://*.example.com/app/*`)
 * checked without building a RegExp from admin input: host by suffix, path by a
 * wildcard walk that is linear in practice and bounded by pattern × path length.
 */
export interface MatchPattern {
  scheme: string;
  /** '*' = any host; leading '*.' = the domain and its subdomains */
  host: string;
  port: string | null;
  path: string;
}

export function parseMatchPattern(pattern: string): MatchPattern | null {
  const schemeEnd = pattern.indexOf('://');
  if (schemeEnd <= 0) return null;
  const scheme = pattern.slice(0, schemeEnd);
  const rest = pattern.slice(schemeEnd + 3);
  const slash = rest.indexOf('/');
  if (slash < 0) return null;
  const authority = rest.slice(0, slash).toLowerCase();
  const colon = authority.lastIndexOf(':');
  const host = colon >= 0 && !authority.endsWith(']') ? authority.slice(0, colon) : authority;
  const port = colon >= 0 && !authority.endsWith(']') ? authority.slice(colon + 1) : null;
  if (!host || (host.includes('*') && host !== '*' && !(host.startsWith('*.') && !host.slice(2).includes('*')))) return null;
  return { scheme, host, port, path: rest.slice(slash) };
}

/** `*` matches any run of characters; everything else literally. */
export function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] !== '*' && glob[g] === text[t]) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

export function matchesPattern(pattern: string | MatchPattern, url: URL): boolean {
  const p = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  if (!p) return false;
  const scheme = url.protocol.slice(0, -1);
  if (p.scheme !== '*' ? p.scheme !== scheme : scheme !== 'http' && scheme !== 'https') return false;
  const hostname = url.hostname.toLowerCase();
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const domain = p.host.slice(2);
      if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return false;
    } else if (hostname !== p.host) return false;
  }
  if (p.port !== null && p.port !== '*' && p.port !== url.port) return false;
  return globMatch(p.path, url.pathname + url.search);
}
