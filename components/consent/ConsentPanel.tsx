/**
 * The consent panel of a record page: data-subject flags first (they override
 * everything), then one row per purpose and channel with status, lawful basis and
 * dates, and where the information comes from and how old it is. Every string
 * from the backend is rendered as text by Preact and was clipped by the view.
 */
import type { Locale } from '@/lib/i18n/strings';
import type { ConsentView, ActiveFlag } from '@/lib/consent/status';
import type { ProblemCode } from '@/lib/consent/http';
import type { SubjectFlag } from '@/lib/consent/schema';
import { consentStrings, type ConsentStringKey } from './strings';
import { formatAge, formatDate, labelOf } from './format';

export type PanelState = { kind: 'checking' } | { kind: 'ready'; view: ConsentView; problem: ProblemCode | null };

export interface ConsentPanelProps {
  state: PanelState;
  locale: Locale;
  collapsed: boolean;
  onToggle(): void;
}

const FLAG_LABEL: Readonly<Record<SubjectFlag, ConsentStringKey>> = {
  erasureRequested: 'flagErasureRequested',
  processingRestricted: 'flagProcessingRestricted',
  objection: 'flagObjection',
};

function SourceLine({ view, problem, locale }: { view: ConsentView; problem: ProblemCode | null; locale: Locale }) {
  const t = consentStrings.t;
  if (view.availability === 'unavailable') return null;
  const age = formatAge(view.ageSeconds ?? 0, locale);
  if (view.source === 'live') return <p class="src" data-source="live">{t('live', undefined, locale)}</p>;
  if (!view.stale) return <p class="src" data-source="cache">{t('cacheFresh', { age }, locale)}</p>;
  const offline = problem !== null;
  return (
    <p class={offline ? 'src offline' : 'src'} data-source="cache" data-stale="true">
      {t(offline ? 'cacheOffline' : 'cacheStale', { age }, locale)}
    </p>
  );
}

function Flags({ flags, locale }: { flags: ActiveFlag[]; locale: Locale }) {
  const t = consentStrings.t;
  if (flags.length === 0) return null;
  return (
    <div role="alert">
      {flags.map((f) => (
        <div class="flag" data-flag={f.flag} key={f.flag}>
          <strong>{t(FLAG_LABEL[f.flag], undefined, locale)}</strong>
          {f.since !== null && <span>{t('flagSince', { date: formatDate(f.since, locale) }, locale)}</span>}
        </div>
      ))}
      <p class="advice">{t('flagAdvice', undefined, locale)}</p>
    </div>
  );
}

function Rows({ view, locale }: { view: ConsentView; locale: Locale }) {
  const t = consentStrings.t;
  if (view.availability === 'unavailable') return <p class="note unavailable" data-state="unavailable">{t('unavailable', undefined, locale)}</p>;
  if (view.availability === 'unknown') return <p class="note" data-state="unknown">{t('unknownSubject', undefined, locale)}</p>;
  if (view.rows.length === 0) return <p class="note" data-state="empty">{t('noRows', undefined, locale)}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('colPurpose', undefined, locale)}</th>
          <th scope="col">{t('colChannel', undefined, locale)}</th>
          <th scope="col">{t('colStatus', undefined, locale)}</th>
          <th scope="col">{t('colBasis', undefined, locale)}</th>
          <th scope="col">{t('colGiven', undefined, locale)}</th>
          <th scope="col">{t('colExpires', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        {view.rows.map((r) => (
          <tr key={`${r.purpose}/${r.channel}`} data-purpose={r.purpose} data-channel={r.channel} data-status={r.status}>
            <td>
              {labelOf('purpose', r.purpose, locale)}
              {r.source !== null && <span class="meta">{t('sourceLine', { source: r.source }, locale)}</span>}
              {r.noticeVersion !== null && <span class="meta">{t('noticeLine', { notice: r.noticeVersion }, locale)}</span>}
            </td>
            <td>{labelOf('channel', r.channel, locale)}</td>
            <td>
              <span class={`st st-${r.status}`}>{labelOf('status', r.status, locale)}</span>
              <span class="meta">{t('colSince', undefined, locale)}: {formatDate(r.since, locale)}</span>
            </td>
            <td>{labelOf('basis', r.lawfulBasis, locale)}</td>
            <td>{formatDate(r.givenAt, locale)}</td>
            <td>{formatDate(r.expiresAt, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ConsentPanel({ state, locale, collapsed, onToggle }: ConsentPanelProps) {
  const t = consentStrings.t;
  const flagged = state.kind === 'ready' && state.view.flags.length > 0;
  return (
    <section class="cp" aria-label={t('title', undefined, locale)} data-state={state.kind === 'checking' ? 'checking' : state.view.availability} data-flagged={flagged ? 'true' : 'false'}>
      <header>
        <h2>{t('title', undefined, locale)}</h2>
        <button type="button" class="toggle" aria-expanded={!collapsed} onClick={onToggle}>
          {t(collapsed ? 'expand' : 'collapse', undefined, locale)}
        </button>
      </header>
      <div class="body">
        {state.kind === 'checking' ? (
          <p class="src" data-source="checking">{t('checking', undefined, locale)}</p>
        ) : (
          <>
            {/* Flags stay visible when collapsed: they are what the rep must not miss. */}
            <Flags flags={state.view.flags} locale={locale} />
            <SourceLine view={state.view} problem={state.problem} locale={locale} />
            {state.view.matchedBy === 'email' && (
              <p class="src" data-matched-by="email">
                {consentStrings.t('matchedByEmail', undefined, locale)}
              </p>
            )}
            {!collapsed && <Rows view={state.view} locale={locale} />}
            {!collapsed && state.view.hiddenRows > 0 && <p class="hidden-rows">{t('hiddenRows', { count: state.view.hiddenRows }, locale)}</p>}
          </>
        )}
      </div>
    </section>
  );
}
