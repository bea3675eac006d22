// @vitest-environment node
/** The sliding-window core of the anomaly rules, and the configuration from the environment. */
import { describe, expect, it } from 'vitest';
import { slidingEpisodes } from '../../server/analytics/anomalies';
import { analyticsConfigFromEnv, AnalyticsConfigError, DEFAULT_ANALYTICS_CONFIG } from '../../server/analytics/config';

const at = (min: number, key: string, id = `${key}@${min}`) => ({ id, key, time: new Date(Date.UTC(2026, 10, 2, 9, 0) + min * 60_000) });

describe('slidingEpisodes', () => {
  it('fires when distinct keys in the window exceed the limit, not when one key repeats', () => {
    const repeats = Array.from({ length: 30 }, (_, i) => at(i / 10, 'same', `r${i}`));
    expect(slidingEpisodes(repeats, 10 * 60_000, 5)).toEqual([]);
    const distinct = Array.from({ length: 6 }, (_, i) => at(i, `k${i}`));
    const [episode, ...rest] = slidingEpisodes(distinct, 10 * 60_000, 5);
    expect(rest).toEqual([]);
    expect(episode!.hits.map((h) => h.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    expect(episode!.peak).toBe(6);
    expect(slidingEpisodes(distinct.slice(0, 5), 10 * 60_000, 5)).toEqual([]);
  });

  it('does not count hits that left the window', () => {
    // 6 distinct keys, but spread so no 10-minute window holds more than 3.
    const spread = [0, 4, 8, 12, 16, 20].map((m, i) => at(m, `k${i}`));
    expect(slidingEpisodes(spread, 10 * 60_000, 3)).toEqual([]);
    expect(slidingEpisodes(spread, 10 * 60_000, 2)).toHaveLength(1);
  });

  it('merges overlapping windows into one episode and separates distant bursts', () => {
    const burst = (start: number, prefix: string) => Array.from({ length: 8 }, (_, i) => at(start + i, `${prefix}${i}`));
    const episodes = slidingEpisodes([...burst(0, 'a'), ...burst(120, 'b')], 10 * 60_000, 5);
    expect(episodes).toHaveLength(2);
    expect(episodes[0]!.hits).toHaveLength(8);
    expect(episodes[1]!.hits.every((h) => h.key.startsWith('b'))).toBe(true);
  });

  it('with atLeast, fires on exactly the limit (repeated overrides)', () => {
    const five = Array.from({ length: 5 }, (_, i) => at(i * 60, `o${i}`));
    expect(slidingEpisodes(five, 24 * 3_600_000, 5, true)).toHaveLength(1);
    expect(slidingEpisodes(five.slice(1), 24 * 3_600_000, 5, true)).toEqual([]);
  });
});

describe('analyticsConfigFromEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(analyticsConfigFromEnv({})).toEqual(DEFAULT_ANALYTICS_CONFIG);
  });

  it('reads every REVIEW_* variable', () => {
    const c = analyticsConfigFromEnv({
      REVIEW_BULK_RECORDS: '20', REVIEW_BULK_MINUTES: '5', REVIEW_WORK_START_HOUR: '6', REVIEW_WORK_END_HOUR: '22',
      REVIEW_WORK_DAYS: '1,2,3,4,5,6', REVIEW_TIME_ZONE: 'America/New_York', REVIEW_OVERRIDE_COUNT: '3', REVIEW_OVERRIDE_HOURS: '8',
    });
    expect(c).toEqual({ bulkRecords: 20, bulkMinutes: 5, workStartHour: 6, workEndHour: 22, workDays: [1, 2, 3, 4, 5, 6], timeZone: 'America/New_York', overrideCount: 3, overrideHours: 8 });
  });

  it('names the variable that is wrong', () => {
    expect(() => analyticsConfigFromEnv({ REVIEW_TIME_ZONE: 'Mars/Olympus' })).toThrow(/REVIEW_TIME_ZONE/);
    expect(() => analyticsConfigFromEnv({ REVIEW_BULK_RECORDS: 'lots' })).toThrow(AnalyticsConfigError);
    expect(() => analyticsConfigFromEnv({ REVIEW_WORK_START_HOUR: '20', REVIEW_WORK_END_HOUR: '8' })).toThrow(/REVIEW_WORK_END_HOUR/);
    expect(() => analyticsConfigFromEnv({ REVIEW_WORK_DAYS: '1,8' })).toThrow(/REVIEW_WORK_DAYS/);
  });
});
