/**
 * The record-history report as one self-contained HTML page that prints cleanly
 * to PDF: no scripts, no external resources, print CSS that repeats table
 * headers and keeps rows whole. Every value is escaped; the log is data, not markup.
 */
import type { Locale } from '../../lib/i18n/strings';
import type { recordHistory } from '../audit/review';
import { reportStrings } from './report-strings';

type History = Awaited<ReturnType<typeof recordHistory>>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
body{font:11pt/1.4 system-ui,sans-serif;color:#111;margin:2rem}
h1{font-size:16pt;margin:0 0 .5rem}h2{font-size:13pt;margin:1.5rem 0 .5rem}
p{margin:.3rem 0}.meta{color:#444;font-size:9pt}
table{border-collapse:collapse;width:100%;font-size:9pt}
th,td{border:1px solid #999;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee}
code{font:8pt ui-monospace,monospace}
@page{size:A4;margin:15mm}
@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}}
`;

/** Only identifiers and redacted reasons, never raw field values (those are not in the log). */
function detailOf(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export function recordReportHtml(history: History, locale: Locale, generatedAt: Date): string {
  const t = (key: Parameters<typeof reportStrings.t>[0], params?: Record<string, string | number>) => escapeHtml(reportStrings.t(key, params, locale));
  const { record } = history;
  const recordName = `${record.crm} ${record.objectType} ${record.recordId}`;
  const users = history.users
    .map((u) => `<tr><td>${escapeHtml(u.user)}</td><td>${u.count}</td><td>${escapeHtml(u.first)}</td><td>${escapeHtml(u.last)}</td></tr>`)
    .join('');
  const entries = history.entries
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.time)}</td><td>${escapeHtml(e.user)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(detailOf(e.data))}</td><td><code>${escapeHtml(e.deviceId)} #${e.seq}<br>${escapeHtml(e.id)}</code></td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t('title', { record: recordName })}</title><style>${CSS}</style></head>
<body>
<h1>${t('title', { record: recordName })}</h1>
<p>${t('intro')}</p>
<p class="meta">${t('generated', { time: generatedAt.toISOString() })} ${t('integrity')}</p>
<h2>${t('usersHeading')}</h2>
${history.users.length === 0 ? `<p>${t('none')}</p>` : `<table><thead><tr><th scope="col">${t('user')}</th><th scope="col">${t('count')}</th><th scope="col">${t('first')}</th><th scope="col">${t('last')}</th></tr></thead><tbody>${users}</tbody></table>`}
<h2>${t('entriesHeading')}</h2>
${history.truncated ? `<p>${t('truncated', { count: history.entries.length })}</p>` : ''}
${history.entries.length === 0 ? `<p>${t('none')}</p>` : `<table><thead><tr><th scope="col">${t('time')}</th><th scope="col">${t('user')}</th><th scope="col">${t('type')}</th><th scope="col">${t('detail')}</th><th scope="col">${t('device')}</th></tr></thead><tbody>${entries}</tbody></table>`}
</body></html>
`;
}
