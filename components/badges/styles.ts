/**
 * Styles of the badge layer, injected into its shadow root. The host is fixed at
 * the viewport origin with no size, so nothing on the CRM page moves; `!important`
 * on the host keeps page rules (which outrank :host for normal declarations) from
 * pulling it into the layout.
 */
export const BADGE_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483000 !important;
  pointer-events: none !important;
  display: block !important;
  contain: layout style !important;
}
html, body { margin: 0; padding: 0; background: none; width: 0; height: 0; overflow: visible; }
.pg-layer { position: absolute; left: 0; top: 0; width: 0; height: 0; font: 600 10px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.pg-wrap { position: absolute; left: 0; top: 0; pointer-events: auto; will-change: transform; }
.pg-wrap[hidden] { display: none; }
.pg-badge {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 18px; height: 16px; padding: 0 4px; border-radius: 8px; cursor: help;
  font: inherit; letter-spacing: .02em; white-space: nowrap;
  color: #0b3d91; background: #e8f0fe; border: 1px solid #6b8fd6; box-shadow: 0 1px 2px rgba(0,0,0,.15);
}
.pg-badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.pg-sensitive_identifier { color: #5c3b00; background: #ffd666; border-color: #b07d00; }
.pg-special_category { color: #fff; background: #c62828; border-color: #7f0000; box-shadow: 0 0 0 2px rgba(198,40,40,.35); }
.pg-criminal { color: #fff; background: #4a0d0d; border-color: #000; box-shadow: 0 0 0 2px rgba(74,13,13,.4); }
.pg-tip {
  display: none; position: absolute; top: 20px; right: 0; width: max-content; max-width: 280px;
  padding: 8px 10px; border-radius: 6px; background: #1f2328; color: #fff;
  font: 400 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 4px 12px rgba(0,0,0,.25);
}
.pg-tip strong { display: block; font-weight: 600; margin-bottom: 4px; }
.pg-tip p { margin: 0 0 4px; }
.pg-tip small { opacity: .75; }
.pg-wrap:hover .pg-tip, .pg-wrap:focus-within .pg-tip, .pg-wrap.pg-open .pg-tip { display: block; }
.pg-wrap.pg-dismissed .pg-tip { display: none; }
@media (prefers-reduced-motion: no-preference) { .pg-wrap { transition: opacity .12s; } }
@media (forced-colors: active) { .pg-badge { border: 1px solid CanvasText; } }
`;
