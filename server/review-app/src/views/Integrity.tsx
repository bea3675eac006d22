/** Chain continuity and head per device; gaps and rewrites flagged. */
import { useEffect } from 'preact/hooks';
import { getJson } from '../api';
import { fmtTime, Status, useRequest } from '../shared';
import { t } from '../strings';
import type { Device } from '../types';

export function Integrity() {
  const req = useRequest<{ devices: Device[] }>();
  useEffect(() => {
    void req.run(() => getJson<{ devices: Device[] }>('/v1/audit/devices'));
  }, []);
  const devices = req.data?.devices ?? [];
  // Problems first: a reviewer opens this view to find them.
  const sorted = [...devices].sort((a, b) => (a.chain === b.chain ? a.deviceId.localeCompare(b.deviceId) : a.chain === 'ok' ? 1 : b.chain === 'ok' ? -1 : a.chain.localeCompare(b.chain)));
  return (
    <div>
      <h2>{t.t('integrityHeading')}</h2>
      <Status loading={req.loading} error={req.error} empty={!!req.data && devices.length === 0} />
      {sorted.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t.t('integrityHeading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t('device')}</th><th scope="col">{t.t('chain')}</th><th scope="col">{t.t('head')}</th><th scope="col">{t.t('entries')}</th>
                <th scope="col">{t.t('missing')}</th><th scope="col">{t.t('rewrites')}</th><th scope="col">{t.t('badHashes')}</th><th scope="col">{t.t('brokenLinks')}</th>
                <th scope="col">{t.t('lastReceived')}</th><th scope="col">{t.t('problems')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((d) => (
                <tr key={d.deviceId} class={d.chain === 'ok' ? '' : 'flagged'}>
                  <th scope="row" class="mono">{d.deviceId}</th>
                  <td><span class={`chip chip-${d.chain}`}>{t.t(`chain_${d.chain}`)}</span></td>
                  <td class="mono">{`#${d.head.seq} ${d.head.hash.slice(0, 16)}…`}</td>
                  <td>{d.entries}</td>
                  <td>{d.missing}</td>
                  <td>{d.rewrites}</td>
                  <td>{d.badHashes}</td>
                  <td>{d.brokenLinks}</td>
                  <td class="nowrap">{d.lastReceivedAt ? fmtTime(d.lastReceivedAt) : ''}</td>
                  <td>{d.problems.map((p) => `#${p.seq} ${t.t(`reason_${p.reason}`)} (${p.id})`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
