/**
 * Finds the CRM Privacy Guard policy inside the files admins actually deploy: a
 * bare policy object, a Chrome/Chromium managed-policy JSON
 * (`3rdparty.extensions.<id>`), a Firefox policies.json
 * (`policies.3rdparty.Extensions.<gecko id>`), a Google Admin console upload
 * (each key wrapped as `{ "Value": … }`), a Windows .reg export, an Intune
 * PowerShell script carrying the policy as JSON, or a macOS configuration profile.
 */
import { CHROME_DEV_ID, GECKO_ID } from './ids';
import { isPlainObject } from './keys';
import { managedSchema } from './managed-schema';
import { parsePlist, type PlistValue } from './plist';
import { parseRegistryPolicies } from './registry';

export type PolicyFileFormat = 'policy' | 'chrome-json' | 'firefox-json' | 'google-admin-json' | 'windows-reg' | 'powershell' | 'mobileconfig';

export interface ExtractedPolicy {
  format: PolicyFileFormat;
  /** Where in the file the policy was found, for messages. */
  location: string;
  policy: unknown;
}

export class PolicyFileError extends Error {}

export function extractPolicy(content: string, fileName: string): ExtractedPolicy {
  const text = content.replace(/^\uFEFF/, '');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.reg')) return fromRegistry(text);
  if (lower.endsWith('.ps1')) return fromPowerShell(text);
  if (lower.endsWith('.mobileconfig') || lower.endsWith('.plist') || /^\s*<\?xml|^\s*<plist/.test(text)) return fromProfile(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(`not valid JSON: ${(error as Error).message}`);
  }
  return fromJson(json);
}

export function fromJson(json: unknown): ExtractedPolicy {
  if (!isPlainObject(json)) throw new PolicyFileError('the file must hold a JSON object');
  if (Object.hasOwn(json, 'policies')) {
    const extensions = dig(json, ['policies', '3rdparty', 'Extensions']);
    if (!isPlainObject(extensions)) throw new PolicyFileError('Firefox policies.json has no policies.3rdparty.Extensions (note the capital E)');
    if (!Object.hasOwn(extensions, GECKO_ID)) {
      throw new PolicyFileError(`Firefox policies.json has no entry for ${GECKO_ID} (found: ${Object.keys(extensions).join(', ') || 'none'})`);
    }
    return { format: 'firefox-json', location: `policies.3rdparty.Extensions.${GECKO_ID}`, policy: extensions[GECKO_ID] };
  }
  if (Object.hasOwn(json, '3rdparty')) {
    const extensions = dig(json, ['3rdparty', 'extensions']);
    if (!isPlainObject(extensions)) throw new PolicyFileError('Chrome policy file has no 3rdparty.extensions');
    const id = pickId(Object.keys(extensions));
    return { format: 'chrome-json', location: `3rdparty.extensions.${id}`, policy: extensions[id] };
  }
  const values = Object.values(json);
  if (values.length > 0 && values.every((v) => isPlainObject(v) && Object.keys(v).length === 1 && Object.hasOwn(v, 'Value'))) {
    const policy = Object.fromEntries(Object.entries(json).map(([k, v]) => [k, (v as { Value: unknown }).Value]));
    return { format: 'google-admin-json', location: '(each key’s "Value")', policy };
  }
  return { format: 'policy', location: '(whole file)', policy: json };
}

function fromRegistry(text: string): ExtractedPolicy {
  const found = parseRegistryPolicies(text, managedSchema());
  if (found.length === 0) {
    throw new PolicyFileError('no key …\\3rdparty\\extensions\\<id>\\policy under Software\\Policies\\Google\\Chrome, Chromium or Microsoft\\Edge');
  }
  const id = pickId(found.map((f) => f.extensionId));
  const entry = found.find((f) => f.extensionId === id);
  return { format: 'windows-reg', location: `3rdparty\\extensions\\${id}\\policy`, policy: entry?.value };
}

/** The Intune script carries the policy as a JSON here-string: $PolicyJson = @' … '@ */
function fromPowerShell(text: string): ExtractedPolicy {
  // Plain string search, not a regex: a script without the closing '@ must not cost quadratic time.
  const assignment = /\$PolicyJson\s*=\s*@'\r?\n/.exec(text);
  const start = assignment ? assignment.index + assignment[0].length : -1;
  const end = start < 0 ? -1 : text.indexOf("\n'@", start);
  if (start < 0 || end < 0) throw new PolicyFileError("no $PolicyJson = @' … '@ here-string in the script");
  try {
    return { format: 'powershell', location: '$PolicyJson', policy: JSON.parse(text.slice(start, end)) as unknown };
  } catch (error) {
    throw new PolicyFileError(`$PolicyJson is not valid JSON: ${(error as Error).message}`);
  }
}

const PROFILE_DOMAIN = /^com\.(?:google\.Chrome|microsoft\.Edge)\.extensions\.([a-p]{32})$/;

function fromProfile(text: string): ExtractedPolicy {
  let root: PlistValue;
  try {
    root = parsePlist(text);
  } catch (error) {
    throw new PolicyFileError(`not a valid property list: ${(error as Error).message}`);
  }
  const payloads = isPlainObject(root) && Array.isArray(root.PayloadContent) ? root.PayloadContent : [root];
  for (const payload of payloads) {
    if (!isPlainObject(payload)) continue;
    const type = payload.PayloadType;
    // Custom-settings payload: the payload type is the preference domain itself.
    if (typeof type === 'string' && PROFILE_DOMAIN.test(type)) {
      const policy = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
      return { format: 'mobileconfig', location: type, policy };
    }
    // Managed preferences payload: domain → Forced[0].mcx_preference_settings.
    if (type === 'com.apple.ManagedClient.preferences' && isPlainObject(payload.PayloadContent)) {
      for (const [domain, settings] of Object.entries(payload.PayloadContent)) {
        if (!PROFILE_DOMAIN.test(domain)) continue;
        const forced = isPlainObject(settings) && Array.isArray(settings.Forced) ? settings.Forced[0] : undefined;
        const policy = isPlainObject(forced) ? forced.mcx_preference_settings : undefined;
        if (!isPlainObject(policy)) throw new PolicyFileError(`${domain} has no Forced[0].mcx_preference_settings dictionary`);
        return { format: 'mobileconfig', location: `${domain} (Forced)`, policy };
      }
    }
  }
  throw new PolicyFileError('no payload for com.google.Chrome.extensions.<id> or com.microsoft.Edge.extensions.<id> in the profile');
}

function pickId(ids: string[]): string {
  if (ids.length === 1) return ids[0] as string;
  if (ids.includes(CHROME_DEV_ID)) return CHROME_DEV_ID;
  throw new PolicyFileError(
    ids.length === 0 ? 'no extension entry in the file' : `several extensions in the file (${ids.join(', ')}); keep only CRM Privacy Guard’s id`,
  );
}

function dig(root: unknown, path: string[]): unknown {
  let node = root;
  for (const part of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** What a CLI or test needs: where the policy came from and every problem in it. */
export { GECKO_ID, CHROME_DEV_ID };
