import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { extractPolicy, PolicyFileError } from '../../lib/policy/formats';
import { validatePolicy } from '../../lib/policy/validate';
import { CHROME_DEV_ID, GECKO_ID } from '../../lib/policy/ids';
import { managedSchemaJson } from '../../lib/policy/managed-schema';
import { POLICY_KEYS } from '../../lib/policy/keys';

const DIR = 'docs/policy-examples';
const EXAMPLES = readdirSync(DIR).filter((f) => f !== 'managed_schema.json');
const canonical: unknown = JSON.parse(readFileSync(join(DIR, 'policy.json'), 'utf8'));

describe('admin-guide examples', () => {
  it('covers every deployment channel', () => {
    expect(EXAMPLES.sort()).toEqual([
      'chrome-linux.json',
      'chrome-macos.mobileconfig',
      'chrome-windows.reg',
      'edge-windows.reg',
      'firefox-policies.json',
      'google-admin-console.json',
      'intune-edge-macos.mobileconfig',
      'intune-edge-windows.ps1',
      'policy.json',
    ]);
  });

  it.each(EXAMPLES)('%s parses against the schema without a problem and carries the reference policy', (file) => {
    const extracted = extractPolicy(readFileSync(join(DIR, file), 'utf8'), file);
    const report = validatePolicy(extracted.policy);
    expect(report.problems).toEqual([]);
    expect(report.lockedKeys.length).toBeGreaterThan(10);
    expect(extracted.policy).toEqual(canonical);
  });

  it('documents every policy key in the admin guide', () => {
    const guide = readFileSync('docs/admin-guide.md', 'utf8');
    for (const key of POLICY_KEYS) expect(guide, key).toContain(`| \`${key}\` |`);
  });

  it('every example file is named in the admin guide', () => {
    const guide = readFileSync('docs/admin-guide.md', 'utf8');
    for (const file of EXAMPLES) expect(guide, file).toContain(file);
  });
});

describe('policy file formats', () => {
  it('reads a Firefox file only under the capital-E Extensions key and our gecko id', () => {
    const wrongId = JSON.stringify({ policies: { '3rdparty': { Extensions: { 'other@example.com': {} } } } });
    expect(() => extractPolicy(wrongId, 'policies.json')).toThrow(/no entry for crm-privacy-guard@privacy-guard\.dev/);
    const lowerE = JSON.stringify({ policies: { '3rdparty': { extensions: { [GECKO_ID]: {} } } } });
    expect(() => extractPolicy(lowerE, 'policies.json')).toThrow(/capital E/);
  });

  it('picks our id from a Chrome file with several extensions, and refuses ambiguity otherwise', () => {
    const two = { '3rdparty': { extensions: { aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: { badges: 'off' }, [CHROME_DEV_ID]: { badges: 'hover' } } } };
    expect(extractPolicy(JSON.stringify(two), 'x.json').policy).toEqual({ badges: 'hover' });
    const ambiguous = { '3rdparty': { extensions: { aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: {}, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: {} } } };
    expect(() => extractPolicy(JSON.stringify(ambiguous), 'x.json')).toThrow(PolicyFileError);
  });

  it('types registry values by the managed schema, as Chrome does', () => {
    const reg = [
      'Windows Registry Editor Version 5.00',
      `[HKEY_CURRENT_USER\\Software\\Policies\\Chromium\\3rdparty\\extensions\\${CHROME_DEV_ID}\\policy]`,
      '"badges"="off"',
      '"modes"="{\\"criminal\\":\\"block\\"}"',
      `[HKEY_CURRENT_USER\\Software\\Policies\\Chromium\\3rdparty\\extensions\\${CHROME_DEV_ID}\\policy\\audit]`,
      '"repMayView"=dword:00000000',
      '"retentionDays"="30"',
      `[HKEY_CURRENT_USER\\Software\\Policies\\Chromium\\3rdparty\\extensions\\${CHROME_DEV_ID}\\policy\\detection\\languages]`,
      '"2"="en"',
      '"1"="de"',
    ].join('\r\n');
    expect(extractPolicy(reg, 'x.reg').policy).toEqual({
      badges: 'off',
      modes: { criminal: 'block' },
      audit: { repMayView: false, retentionDays: 30 },
      detection: { languages: ['de', 'en'] },
    });
  });

  it.each([
    ['x.json', '{"badges": '],
    ['x.json', '[1,2]'],
    ['x.reg', 'Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]\n"x"=hex:01'],
    ['x.reg', 'Windows Registry Editor Version 5.00\n'],
    ['x.mobileconfig', '<plist><dict><key>a</key></plist>'],
    ['x.mobileconfig', '<?xml version="1.0"?><plist><dict><key>PayloadContent</key><array/></dict></plist>'],
    ['x.ps1', 'Write-Output "no policy here"'],
  ])('explains a broken %s', (name, content) => {
    expect(() => extractPolicy(content, name)).toThrow(PolicyFileError);
  });
});

describe('extension ids', () => {
  it('matches the gecko id in wxt.config.ts', async () => {
    const config = await import('../../wxt.config');
    expect(GECKO_ID).toBe(config.GECKO_ID);
  });

  it('derives CHROME_DEV_ID from the manifest key in wxt.config.ts', () => {
    const source = readFileSync('wxt.config.ts', 'utf8');
    const key = /DEV_PUBLIC_KEY\s*=\s*'([A-Za-z0-9+/=]+)'/.exec(source)?.[1];
    expect(key).toBeDefined();
    const hex = createHash('sha256').update(Buffer.from(key ?? '', 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    expect(id).toBe(CHROME_DEV_ID);
  });
});

describe('policy CLI', () => {
  const cli = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/policy.ts', ...args], { encoding: 'utf8' }) };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };

  it('validates good files with exit 0 and lists each problem of a bad one with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpg-policy-cli-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { modes: { criminal: 'allow' }, consent: { url: 'http://c.example.com' }, colour: 'red' } } } } }));
    const good = cli('validate', join(DIR, 'chrome-linux.json'), join(DIR, 'chrome-windows.reg'));
    expect(good.code).toBe(0);
    expect(good.out).toContain('OK');
    const result = cli('validate', bad);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${bad}: modes.criminal: Invalid option`);
    expect(result.out).toContain(`${bad}: consent.url: must be https`);
    expect(result.out).toContain(`${bad}: colour: unknown setting`);
    expect(cli('validate', join(dir, 'missing.json')).code).toBe(2);
    const schema = cli('schema');
    expect(schema.code).toBe(0);
    expect(schema.out).toBe(managedSchemaJson());
  }, 60_000);
});
