import { useEffect, useState } from 'preact/hooks';
import { optionsStrings } from './strings';

export interface HostAccessProps {
  hosts: readonly { pattern: string; adapter: string }[];
  isGranted: (pattern: string) => Promise<boolean>;
  /** Must run inside the click: browsers only show the permission prompt for a user gesture. */
  request: (pattern: string) => Promise<boolean>;
}

/** The extra CRM hosts policy names, and whether this browser lets the guard run there yet. */
export function HostAccess({ hosts, isGranted, request }: HostAccessProps) {
  const { t } = optionsStrings;
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(hosts.map(async (h) => [h.pattern, await isGranted(h.pattern).catch(() => false)] as const)).then((pairs) => {
      if (live) setGranted(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [hosts, isGranted]);

  if (hosts.length === 0) return <p>{t('hostsNone')}</p>;
  return (
    <section aria-labelledby="hosts-title">
      <h2 id="hosts-title">{t('hostsTitle')}</h2>
      <p>{t('hostsIntro')}</p>
      <ul class="hosts" data-testid="extra-hosts">
        {hosts.map((h) => (
          <li key={h.pattern}>
            <code>{h.pattern}</code> ({h.adapter}){' '}
            {granted[h.pattern] ? (
              <span class="granted">{t('hostGranted')}</span>
            ) : (
              <button
                type="button"
                onClick={() => {
                  void request(h.pattern).then((ok) => setGranted((g) => ({ ...g, [h.pattern]: ok })));
                }}
              >
                {t('hostGrant')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
