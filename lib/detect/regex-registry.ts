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

/** Every registered pattern, by id. Import lib/detect/index.ts first so all modules have registered. */
export function registeredRegexes(): ReadonlyMap<string, RegExp> {
  return registry;
}
