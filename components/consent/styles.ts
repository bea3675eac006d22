/**
 * Styles of the consent panel, chips and guard dialog, injected into their own
 * shadow roots. Hosts are fixed or inline-block with `!important` so page rules
 * cannot pull them into (or out of) the CRM's layout.
 */
const FONT = 'font: 400 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;';

const STATUS_COLOURS = `
.st { display: inline-block; padding: 1px 6px; border-radius: 8px; font-weight: 600; font-size: 11px; white-space: nowrap; border: 1px solid transparent; }
.st-granted { color: #0b5d1e; background: #dff5e3; border-color: #7bc68a; }
.st-denied, .st-withdrawn { color: #7f0000; background: #fde7e7; border-color: #e39a9a; }
.st-expired, .st-pending { color: #5c3b00; background: #fff3cd; border-color: #e0b84d; }
.st-unknown { color: #3c4043; background: #eceff1; border-color: #b0bec5; }
`;

export const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483001 !important; display: block !important; }
.cp { ${FONT} color: #1f2328; background: #fff; border: 1px solid #c9d1d9; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.18); width: 400px; max-width: calc(100vw - 32px); max-height: 50vh; overflow: auto; }
.cp header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #e1e4e8; position: sticky; top: 0; background: #fff; }
.cp h2 { margin: 0; font-size: 14px; font-weight: 600; flex: 1; }
.cp .toggle { all: unset; cursor: pointer; padding: 2px 8px; border-radius: 4px; border: 1px solid #c9d1d9; font-size: 12px; }
.cp .toggle:focus-visible { outline: 2px solid #1a73e8; }
.cp .body { padding: 8px 12px 12px; }
.cp .src { color: #57606a; font-size: 12px; margin: 0 0 8px; }
.cp .src.offline { color: #7a4b00; font-weight: 600; }
.cp .note { margin: 4px 0 8px; }
.cp .unavailable { color: #7f0000; font-weight: 600; }
.flag { background: #b71c1c; color: #fff; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.flag strong { display: block; font-size: 13px; }
.flag span { font-size: 12px; }
.advice { font-size: 12px; margin: 0 0 8px; color: #7f0000; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th { text-align: left; font-weight: 600; color: #57606a; border-bottom: 1px solid #e1e4e8; padding: 4px 4px; }
td { border-bottom: 1px solid #f0f2f4; padding: 4px 4px; vertical-align: top; overflow-wrap: anywhere; }
td .meta { display: block; color: #57606a; font-size: 11px; }
.hidden-rows { color: #57606a; font-size: 11px; margin-top: 6px; }
${STATUS_COLOURS}
`;

export const CHIP_CSS = `
:host { all: initial !important; display: inline-block !important; margin-left: 6px !important; vertical-align: middle !important; }
.chip { font: 600 10px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: inline-block; padding: 3px 6px; border-radius: 8px; white-space: nowrap; border: 1px solid transparent; cursor: default; }
.chip-ok { color: #0b5d1e; background: #dff5e3; border-color: #7bc68a; }
.chip-none { color: #7f0000; background: #fde7e7; border-color: #e39a9a; }
.chip-flag { color: #fff; background: #b71c1c; border-color: #7f0000; }
.chip-unknown { color: #3c4043; background: #eceff1; border-color: #b0bec5; }
.chip-unavailable { color: #3c4043; background: #fff; border: 1px dashed #90a4ae; }
.chip-stale { opacity: .8; font-style: italic; }
`;

export const DIALOG_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483002 !important; display: block !important; }
.backdrop { position: fixed; inset: 0; background: rgba(15,23,42,.45); display: flex; align-items: center; justify-content: center; }
.dialog { ${FONT} color: #1f2328; background: #fff; border-radius: 8px; box-shadow: 0 12px 32px rgba(0,0,0,.3); width: 440px; max-width: calc(100vw - 32px); padding: 16px 18px; }
.dialog h2 { margin: 0 0 8px; font-size: 16px; }
.dialog.block h2 { color: #b71c1c; }
.dialog p { margin: 0 0 8px; }
.dialog .note { color: #57606a; font-size: 12px; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
button { font: 600 13px/1 system-ui, sans-serif; padding: 8px 12px; border-radius: 4px; border: 1px solid #c9d1d9; background: #fff; cursor: pointer; }
button.primary { background: #0b5cad; color: #fff; border-color: #0b5cad; }
button.danger { background: #fff; color: #b71c1c; border-color: #b71c1c; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
${STATUS_COLOURS}
`;
