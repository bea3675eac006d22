/**
 * Every regular expression the engine runs over user text is created through
 * `rx`, so the linear-time test (test/detect/regex-linear.test.ts) sees all of
 * them: a new pattern cannot skip the check by being declared elsewhere.
 */
const registry = new Map<string, RegExp>();

/** Register and return a pattern. Ids are unique; a duplicate id is a programming error. */
export function rx(id: string, pattern: RegExp): RegExp {
  if (registry.has(id)) throw new Error(`regex id registered twice: ${id}`);
  registry.set(id, pattern);
  return pattern;
}

const stickyTwins = new Map<RegExp, RegExp>();

/**
 * The sticky (y) twin of a registered global pattern: same source, tried at one
 * position only (for rules that know where their matches can start). Registered as `<id>/sticky`.
 */
export function sticky(pattern: RegExp): RegExp {
  let twin = stickyTwins.get(pattern);
  if (twin === undefined) {
    const id = [...registry].find(([, re]) => re === pattern)?.[0];
    if (id === undefined || !pattern.global) throw new Error(`sticky twin of an unregistered or non-global pattern: ${pattern.source}`);
    twin = rx(`${id}/sticky`, new RegExp(pattern.source, pattern.flags.replace('g', 'y')));
    stickyTwins.set(pattern, twin);
  }
  return twin;
}

/** Every registered pattern, by id. Import lib/detect/index.ts first so all modules have registered. */
export function registeredRegexes(): ReadonlyMap<string, RegExp> {
  return registry;
}
