/**
 * The review app shell: sign-in with a compliance token, language choice, and
 * the views as WAI-ARIA tabs (arrow keys, Home, End; the URL fragment names the view).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, resolveLocale, setLocale, type Locale } from '@/lib/i18n/strings';
import { getJson, session } from './api';
import { errorText, setOnAuthLost } from './shared';
import { t, type Key } from './strings';
import { Anomalies } from './views/Anomalies';
import { Integrity } from './views/Integrity';
import { Overview } from './views/Overview';
import { RecordHistory, type RecordRef } from './views/RecordHistory';
import { EMPTY_FILTERS, Search, type SearchFilters } from './views/Search';
import { UserActivity } from './views/UserActivity';
import { WarningsView } from './views/WarningsView';

export const VIEWS = ['overview', 'search', 'record', 'user', 'warnings', 'integrity', 'anomalies'] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABEL: Readonly<Record<View, Key>> = {
  overview: 'viewOverview',
  search: 'viewSearch',
  record: 'viewRecord',
  user: 'viewUser',
  warnings: 'viewWarnings',
  integrity: 'viewIntegrity',
  anomalies: 'viewAnomalies',
};

const viewFromHash = (): View => {
  const h = location.hash.slice(1);
  return (VIEWS as readonly string[]).includes(h) ? (h as View) : 'overview';
};

function SignIn({ onSignedIn, message }: { onSignedIn: (token: string) => void; message: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(message);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Any compliance-only route proves the role; this one is cheap.
      await getJson('/v1/audit/devices', {}, token.trim());
      onSignedIn(token.trim());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="signin" onSubmit={submit} aria-labelledby="signin-heading">
      <h2 id="signin-heading">{t.t('signInHeading')}</h2>
      <p id="signin-help">{t.t('signInHelp')}</p>
      <label for="token">{t.t('token')}</label>
      <input id="token" ref={input} type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} required aria-describedby="signin-help" />
      <button type="submit" disabled={busy}>{t.t('signIn')}</button>
      {busy && <p role="status">{t.t('signingIn')}</p>}
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(() => setLocale(sessionStorage.getItem('cpg-review-locale') ?? navigator.language));
  const [signedIn, setSignedIn] = useState(() => session.get() !== null);
  const [authMessage, setAuthMessage] = useState<string | null>(null);
  const [view, setView] = useState<View>(viewFromHash);
  const [searchInit, setSearchInit] = useState<{ n: number; filters: SearchFilters }>({ n: 0, filters: EMPTY_FILTERS });
  const [recordInit] = useState<RecordRef>({ crm: 'salesforce', objectType: 'Contact', recordId: '' });
  const tabs = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setOnAuthLost((error) => {
      session.clear();
      setAuthMessage(errorText(error));
      setSignedIn(false);
    });
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // After sign-in the form is gone: put focus where the work starts, on the selected view's tab.
  useEffect(() => {
    if (signedIn) tabs.current?.querySelector<HTMLElement>('[aria-selected=true]')?.focus();
  }, [signedIn]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t.t('appTitle')} — CRM Privacy Guard`;
  }, [locale]);

  const choose = (v: View, focus = false) => {
    setView(v);
    history.replaceState(null, '', `#${v}`);
    if (focus) tabs.current?.querySelector<HTMLElement>(`#tab-${v}`)?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const target = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i - 1 + VIEWS.length) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    if (target < 0) return;
    e.preventDefault();
    choose(VIEWS[target]!, true);
  };
  const changeLocale = (tag: string) => {
    const l = setLocale(resolveLocale(tag));
    sessionStorage.setItem('cpg-review-locale', l);
    setLocaleState(l);
  };
  const signOut = () => {
    session.clear();
    setAuthMessage(null);
    setSignedIn(false);
  };

  return (
    <div class="app" lang={locale}>
      <a class="skip" href="#main">{t.t('views')}</a>
      <header class="no-print">
        <div>
          <h1>{t.t('appTitle')}</h1>
          <p class="muted">{t.t('appSubtitle')}</p>
        </div>
        <div class="header-actions">
          <label for="locale">{t.t('language')}</label>
          <select id="locale" value={getLocale()} onChange={(e) => changeLocale(e.currentTarget.value)}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
          {signedIn && <button type="button" onClick={signOut}>{t.t('signOut')}</button>}
        </div>
      </header>
      {!signedIn ? (
        <main id="main">
          <SignIn
            message={authMessage}
            onSignedIn={(token) => {
              session.set(token);
              setAuthMessage(null);
              setSignedIn(true);
            }}
          />
        </main>
      ) : (
        <>
          <div role="tablist" aria-label={t.t('views')} class="tabs no-print" ref={tabs} onKeyDown={onTabKey}>
            {VIEWS.map((v) => (
              <button key={v} id={`tab-${v}`} role="tab" type="button" aria-selected={v === view} aria-controls="panel" tabIndex={v === view ? 0 : -1} onClick={() => choose(v)}>
                {t.t(VIEW_LABEL[v])}
              </button>
            ))}
          </div>
          <main id="main">
            <div id="panel" role="tabpanel" aria-labelledby={`tab-${view}`} key={`${view}-${locale}`}>
            {view === 'overview' && <Overview />}
            {view === 'search' && <Search key={searchInit.n} initial={searchInit.filters} />}
            {view === 'record' && <RecordHistory initial={recordInit} />}
            {view === 'user' && <UserActivity initial="" />}
            {view === 'warnings' && <WarningsView />}
            {view === 'integrity' && <Integrity />}
            {view === 'anomalies' && (
              <Anomalies
                onSearch={(filters) => {
                  setSearchInit((s) => ({ n: s.n + 1, filters }));
                  choose('search', true);
                }}
              />
            )}
            </div>
          </main>
        </>
      )}
    </div>
  );
}
