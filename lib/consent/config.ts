/**
 * The client's configuration, as the policy's `consent` section delivers it
 * (lib/policy/schema.ts). Null means "not configured": no lookups, and the guard
 * stays out of the way because it has nothing to judge by.
 */
import { secureUrlProblem, type GUARD_MODES } from '../policy/schema';

export type GuardMode = (typeof GUARD_MODES)[number];

export interface ConsentConfig {
  /** Base URL of the consent service; https (plain http only on loopback). */
  url: string;
  /** Bearer token (reader role). Never logged, never in an error, never sent to a content script. */
  token: string;
  /** How long an answer is fresh, in seconds; after that it is shown and refreshed in the background. */
  cacheSeconds: number;
  /** Purposes and channels to show; empty lists show everything the backend returns. */
  purposes: readonly string[];
  channels: readonly string[];
  outreachGuard: GuardMode;
}

/** What the content script may know about the configuration: no URL, no token. */
export interface ConsentDisplay {
  purposes: string[];
  channels: string[];
  outreachGuard: GuardMode;
}

/** From the effective policy's `consent` section; null when no usable URL is set. */
export function consentConfigFromPolicy(consent: ConsentConfig): ConsentConfig | null {
  if (consent.url === '' || secureUrlProblem(consent.url) !== null) return null;
  return { ...consent };
}

export function displayOf(config: ConsentConfig): ConsentDisplay {
  return { purposes: [...config.purposes], channels: [...config.channels], outreachGuard: config.outreachGuard };
}

/** Base URL without a trailing slash, so paths join predictably. */
export function baseUrlOf(config: ConsentConfig): string {
  return config.url.replace(/\/+$/, '');
}
