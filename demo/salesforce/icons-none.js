// Icon categories the demo never shows (action, doctype, custom). Mapping them to an
// empty library keeps ~350 unused SVG templates out of the build; lightning-icon
// falls back to its sprite reference for a name it cannot find.
export default {};
