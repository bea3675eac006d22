/**
 * The one policy schema. Everything else is derived from it: the effective-policy
 * type, the defaults, the managed-storage schema Chrome reads
 * (lib/policy/managed-schema.ts), the key-by-key validation in resolve.ts and the
 * options page. Every leaf carries its default, so a browser with no policy at all
 * runs with the safe values below (reasons in docs/admin-guide.md).
 */
import { z } from 'zod';
import { KINDS, KIND_CLASSES, type KindClass } from '../detect/kinds';
import { DEFAULT_MIN_REASON_LENGTH, DEFAULT_MODES, DEFAULT_NEVER_IN_FREE_TEXT, MODES, type Mode } from './defaults';

export const POLICY_VERSION = 2;

export { DEFAULT_MIN_REASON_LENGTH, DEFAULT_MODES, DEFAULT_NEVER_IN_FREE_TEXT, MODES, type Mode };
/** Strictness order used when two values compete and the stricter must win. */
export const MODE_STRICTNESS: Readonly<Record<Mode, number>> = { off: 0, warn: 1, override: 2, block: 3 };

export const ADAPTERS = ['salesforce', 'hubspot', 'generic'] as const;
export type AdapterId = (typeof ADAPTERS)[number];

export const DETECTION_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const;
export const BADGE_DISPLAYS = ['always', 'hover', 'off'] as const;
export const GUARD_MODES = ['off', 'warn', 'block'] as const;
export const AUDIT_FORMATS = ['reference', 'otlp'] as const;
export const UI_LANGUAGES = ['auto', 'en', 'de'] as const;

/**
 * Settings a rep may be allowed to change locally (`ui.repMayChange`). Everything
 * else is either the organisation's to set or a fixed default.
 */
export const LOCAL_KEYS = [
  'badges',
  'ui.language',
  'detection.languages',
  'modes.ordinary',
  'modes.sensitive_identifier',
  'modes.special_category',
  'modes.criminal',
  'override.minReasonLength',
  'consent.outreachGuard',
  'consent.url',
  'consent.token',
  'audit.endpoint',
  'audit.token',
  'audit.format',
] as const;
export type LocalKey = (typeof LOCAL_KEYS)[number];

/**
 * Connection settings the user of an install that no organisation manages may set
 * (no managed policy at all: small teams without device management, the demo).
 * As soon as the managed policy has any key, the admin is in charge and these are
 * changeable only if listed in `ui.repMayChange`.
 */
export const SELF_MANAGED_KEYS = ['consent.url', 'consent.token', 'audit.endpoint', 'audit.token', 'audit.format'] as const satisfies readonly LocalKey[];
export type SelfManagedKey = (typeof SELF_MANAGED_KEYS)[number];

const kind = z.enum(KINDS);
const mode = z.enum(MODES);

/** Identifier-like names: CRM object and field API names, consent purposes and channels. */
const identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');

/**
 * A Chrome-style match pattern for one https host: `https://crm.example.com/*` or
 * `https://*.example.com/*`. No scheme wildcards, no plain http, no `<all_urls>`,
 * no bare `*` host: an extra host widens what the extension reads, so it must name
 * a real site. No port either: a pattern without one matches every port, and
 * Firefox's match patterns do not take one.
 */
export const HOST_PATTERN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/[^\s]*$/;
const hostPattern = z
  .string()
  .max(255)
  .regex(HOST_PATTERN, 'must be an https match pattern such as https://crm.example.com/* or https://*.example.com/*');

/** Loopback hosts may use plain http so the reference service can run on a developer machine. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export type UrlIssue = 'invalid' | 'credentials' | 'insecure';

/** Why a service URL is refused, as a code the UI can translate; null when acceptable. */
export function secureUrlIssue(value: string): UrlIssue | null {
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'insecure';
}

const URL_ISSUE_MESSAGES: Readonly<Record<UrlIssue, string>> = {
  invalid: 'not a valid URL',
  credentials: 'must not contain credentials; use the token setting',
  insecure: 'must be https (plain http only for localhost / 127.0.0.1 / [::1])',
};

/** https only, plain http allowed for loopback; empty string means "not configured". */
export function secureUrlProblem(value: string): string | null {
  const issue = secureUrlIssue(value);
  return issue ? URL_ISSUE_MESSAGES[issue] : null;
}

const secureUrl = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = secureUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Marks a leaf whose value must never reach content scripts, logs or diagnostics. */
const SENSITIVE = { sensitive: true } as const;

const objectRule = z
  .object({
    fields: z
      .record(identifier, z.array(kind).max(KINDS.length))
      .default({})
      .meta({ description: 'Field API name → the personal-data kinds allowed in that field. A kind found in a field that does not list it is excess data.' }),
    neverInFreeText: z
      .array(kind)
      .max(KINDS.length)
      .default([])
      .meta({ description: 'Kinds never allowed in this object’s free-text fields, in addition to rules.neverInFreeText.' }),
  })
  .meta({ description: 'Rules for one CRM object (Salesforce: Lead, Contact, Opportunity…; HubSpot: 0-1, 0-2, 0-3, 0-5, 2-N).' });
export type ObjectRule = z.infer<typeof objectRule>;

const objectRules = z.record(identifier, objectRule).default({});



const modesShape = Object.fromEntries(
  KIND_CLASSES.map((c) => [c, mode.default(DEFAULT_MODES[c]).meta({ description: `What happens on save when ${c} data is found: off | warn | override | block.` })]),
) as Record<KindClass, z.ZodDefault<typeof mode>>;

export const PolicySchema = z.object({
  policyVersion: z.literal(POLICY_VERSION).default(POLICY_VERSION).meta({ description: `Schema version of this policy; currently ${POLICY_VERSION}. Older versions are migrated.` }),
  crm: z.object({
    extraHosts: z
      .array(z.object({ pattern: hostPattern, adapter: z.enum(ADAPTERS) }))
      .max(50)
      .default([])
      .meta({ description: 'CRM hosts to guard beyond Salesforce and HubSpot: [{ pattern: "https://crm.example.com/*", adapter: salesforce | hubspot | generic }].' }),
  }),
  detection: z.object({
    enabled: z.boolean().default(true).meta({ description: 'Detect personal data at all. Off also turns the input guard off.' }),
    languages: z
      .array(z.enum(DETECTION_LANGUAGES))
      .min(1)
      .max(DETECTION_LANGUAGES.length)
      .default([...DETECTION_LANGUAGES])
      .meta({ description: 'Languages of labels and notes to detect: en, de, fr, es, it, nl.' }),
  }),
  rules: z.object({
    neverInFreeText: z
      .array(kind)
      .max(KINDS.length)
      .default([...DEFAULT_NEVER_IN_FREE_TEXT])
      .meta({ description: 'Kinds never allowed in free text (notes, descriptions) of any object.' }),
    salesforce: objectRules.meta({ description: 'Per Salesforce object: allowed kinds per field and kinds never allowed in its free text.' }),
    hubspot: objectRules.meta({ description: 'Per HubSpot object type id (0-1 contact, 0-2 company, 0-3 deal, 0-5 ticket, 2-N custom).' }),
    generic: objectRules.meta({ description: 'Per object of CRM hosts served by the generic adapter.' }),
  }),
  modes: z.object(modesShape),
  override: z.object({
    minReasonLength: z.number().int().min(5).max(500).default(DEFAULT_MIN_REASON_LENGTH).meta({ description: 'Minimum length of the reason a rep gives to override (5–500 characters).' }),
  }),
  badges: z.enum(BADGE_DISPLAYS).default('always').meta({ description: 'Badges at personal-data fields: always | hover | off.' }),
  consent: z.object({
    url: secureUrl.default('').meta({ description: 'Consent backend base URL (https; http only for loopback). Empty: no consent lookups.' }),
    token: z.string().max(4096).default('').meta({ description: 'API token (reader role) for the consent backend.', ...SENSITIVE }),
    cacheSeconds: z.number().int().min(0).max(604800).default(900).meta({ description: 'How long a consent answer is used before it is refreshed (0–604800 s).' }),
    purposes: z.array(identifier).max(50).default([]).meta({ description: 'Consent purposes to show; empty: all the backend returns.' }),
    channels: z.array(identifier).max(20).default([]).meta({ description: 'Channels to show; empty: all the backend returns.' }),
    outreachGuard: z.enum(GUARD_MODES).default('warn').meta({ description: 'Before email, call or meeting without a valid basis: off | warn | block.' }),
  }),
  audit: z.object({
    retentionDays: z.number().int().min(1).max(3650).default(90).meta({ description: 'Days the local audit log keeps entries (1–3650).' }),
    endpoint: secureUrl.default('').meta({ description: 'Where the audit log is forwarded (https; http only for loopback). Empty: kept locally only.' }),
    token: z.string().max(4096).default('').meta({ description: 'Bearer token for the forwarding endpoint.', ...SENSITIVE }),
    format: z.enum(AUDIT_FORMATS).default('reference').meta({ description: 'Forwarding format: reference (the reference service’s ingest API) | otlp (OTLP/HTTP JSON logs).' }),
    batchSize: z.number().int().min(1).max(1000).default(100).meta({ description: 'Events per forwarding request (1–1000).' }),
    repMayView: z.boolean().default(true).meta({ description: 'Whether reps see the local audit view in the options page.' }),
    userPseudonym: z.string().max(200).default('').meta({ description: 'User name recorded in audit events when the CRM user cannot be read. Empty: a random per-install pseudonym.' }),
  }),
  ui: z.object({
    repMayChange: z
      .array(z.enum(LOCAL_KEYS))
      .max(LOCAL_KEYS.length)
      .default(['badges', 'ui.language', 'detection.languages'])
      .meta({ description: `Settings reps may change themselves: ${LOCAL_KEYS.join(', ')}.` }),
    repMayPause: z.boolean().default(true).meta({ description: 'Whether reps may pause the extension (pausing is audit-logged).' }),
    language: z.enum(UI_LANGUAGES).default('auto').meta({ description: 'UI language: auto (browser language) | en | de.' }),
  }),
});

/** What an admin can set: the schema's output with every default filled in. */
export type PolicySettings = z.output<typeof PolicySchema>;

/**
 * The effective policy the extension runs with. `paused` is the rep's own switch
 * (allowed only while `ui.repMayPause`); it is not a policy key an admin sets.
 */
export type Policy = PolicySettings & { paused: boolean };

/** The built-in defaults: what runs with no policy and no local settings. */
export function defaultPolicy(): Policy {
  return { ...defaultSettings(), paused: false };
}

function defaultSettings(): PolicySettings {
  return PolicySchema.parse({
    crm: {},
    detection: {},
    rules: {},
    modes: {},
    override: {},
    consent: {},
    audit: {},
    ui: {},
  });
}

/** Dotted paths of the leaves that hold credentials. */
export const SENSITIVE_KEYS = ['consent.token', 'audit.token'] as const;
