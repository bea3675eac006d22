/** Styles of the guard panel, injected into its shadow root (the CRM's CSS cannot reach it). */
export const GUARD_CSS = `
/* WXT resets the host (all: initial), which drops its relative positioning: without offsets the
   absolutely positioned document sits at its static place, right after the field, and takes no space. */
html { top: auto !important; left: auto !important; }
.pg { position: absolute; top: 2px; left: 0; z-index: 2147483000; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; width: max-content; max-width: min(380px, 90vw); }
.pg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.pg-chip { display: inline-flex; gap: 4px; align-items: center; border: 1px solid #a86403; background: #fff4d6; color: #5c3a00; border-radius: 12px; padding: 1px 10px; font: inherit; cursor: pointer; }
.pg-block .pg-chip, .pg-override .pg-chip { border-color: #ba0517; background: #fde7e9; color: #7a0010; }
.pg-chip:focus-visible, .pg button:focus-visible, .pg textarea:focus-visible { outline: 2px solid #0b5cab; outline-offset: 2px; }
.pg-card { margin-top: 4px; background: #fff; border: 1px solid #c9c9c9; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.18); padding: 8px 10px; }
.pg-list { list-style: none; margin: 0; padding: 0; }
.pg-item + .pg-item { border-top: 1px solid #e5e5e5; margin-top: 6px; padding-top: 6px; }
.pg p { margin: 2px 0; }
.pg-title { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.pg-tag { font-size: 11px; border-radius: 8px; padding: 0 6px; background: #eef1f6; }
.pg-tag-sensitive { background: #fde7e9; color: #7a0010; }
.pg-why { color: #444; }
.pg-masked { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #333; word-break: break-all; }
.pg-actions { display: flex; gap: 6px; margin-top: 4px; }
.pg button { font: inherit; border: 1px solid #747474; background: #fff; border-radius: 4px; padding: 2px 10px; cursor: pointer; }
.pg-actions button:first-child { background: #0b5cab; border-color: #0b5cab; color: #fff; }
.pg-blocked, .pg-error { color: #ba0517; font-weight: 600; }
.pg-notice { background: #fff; border: 1px solid #c9c9c9; border-radius: 4px; padding: 2px 8px; margin-top: 4px; }
.pg-override { margin-top: 8px; border-top: 1px solid #e5e5e5; padding-top: 6px; }
.pg-override label { display: block; }
.pg-override textarea { display: block; width: 100%; box-sizing: border-box; font: inherit; margin-top: 2px; }
`;
