/**
 * The content-safe policy as this script uses it. The background sends it as an
 * untyped object (`cs:hello`, `bg:policy-changed`); every key is read on its own
 * with a fallback, so a missing or malformed key changes that setting only.
 */
import type { ContentPolicy } from '@/lib/policy/resolve';
import type { ExtraHost } from '@/lib/crm/registry';
import { CRM_IDS, type CrmId } from '@/lib/messages/vocab';

export type BadgeMode = ContentPolicy['badges'];
export type UiLanguage = ContentPolicy['ui']['language'];

export interface PagePolicy {
  badges: BadgeMode;
  extraHosts: ExtraHost[];
  language: UiLanguage;
  paused: boolean;
}

const BADGE_MODES: readonly BadgeMode[] = ['always', 'hover', 'off'];
const LANGUAGES: readonly UiLanguage[] = ['auto', 'en', 'de'];

export const DEFAULT_PAGE_POLICY: PagePolicy = { badges: 'always', extraHosts: [], language: 'auto', paused: false };

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

export function readPolicy(raw: unknown): PagePolicy {
  const policy = obj(raw);
  const hosts = obj(policy.crm).extraHosts;
  const extraHosts: ExtraHost[] = Array.isArray(hosts)
    ? hosts.flatMap((h) => {
        const { pattern, adapter } = obj(h);
        return typeof pattern === 'string' && pattern.length <= 255 && CRM_IDS.includes(adapter as CrmId) ? [{ pattern, adapter: adapter as CrmId }] : [];
      })
    : [];
  return {
    badges: oneOf(policy.badges, BADGE_MODES, DEFAULT_PAGE_POLICY.badges),
    extraHosts,
    language: oneOf(obj(policy.ui).language, LANGUAGES, DEFAULT_PAGE_POLICY.language),
    paused: policy.paused === true,
  };
}
