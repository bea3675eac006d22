// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generic } from '../../lib/crm/generic';
import { adapterForUrl } from '../../lib/crm/registry';
import { globMatch, matchesPattern, parseMatchPattern } from '../../lib/crm/match-pattern';
import { page } from './fixtures';

describe('generic.context', () => {
  it.each([
    ['https://crm.example.org/customers/C-100234', 'customers', 'C-100234', 'record'],
    ['https://crm.example.org/customers/4711/edit', 'customers', '4711', 'edit'],
    ['https://crm.example.org/app/person?id=8812', 'person', '8812', 'record'],
    ['https://crm.example.org/leads/3f2b7c1e-9a4d-4c1b-8e2f-1a2b3c4d5e6f', 'leads', '3f2b7c1e-9a4d-4c1b-8e2f-1a2b3c4d5e6f', 'record'],
    ['https://crm.example.org/leads/new', 'leads', null, 'new'],
    ['https://crm.example.org/leads/list', 'leads', null, 'list'],
    ['https://crm.example.org/dashboard', null, null, 'other'],
  ])('%s', (href, objectType, recordId, view) => {
    expect(generic.context(new URL(href), page(href).document)).toEqual({ crm: 'generic', host: 'crm.example.org', objectType, recordId, view });
  });

  it('never claims a URL without policy', () => {
    expect(generic.matches(new URL('https://crm.example.org/customers/1'))).toBe(false);
  });
});

describe('generic.collectFields', () => {
  it('labels controls by aria-labelledby, <label>, aria-label, and wrapping label, in that order', () => {
    const { document } = page('https://crm.example.org/customers/1/edit');
    document.body.innerHTML = `<span id="l1">Private</span><span id="l2">email</span><input aria-labelledby="l1 l2" aria-label="ignored">
      <label for="t">Telefon:</label><input id="t" type="tel">
      <textarea aria-label="Gesundheitsnotizen"></textarea>
      <label>IBAN <input name="iban"></label>
      <div contenteditable="true" aria-label="Notes"></div>
      <input type="hidden" name="csrf"><input type="checkbox" aria-label="Do not call">`;
    expect(generic.collectFields(document).map((c) => [c.label, c.descriptor.type])).toEqual([
      ['Private email', 'text'],
      ['Telefon', 'tel'],
      ['Gesundheitsnotizen', 'textarea'],
      ['IBAN', 'text'],
      ['Notes', 'contenteditable'],
    ]);
  });

  it('reads read-only values from <dl>, <output> and ARIA-labelled text', () => {
    const { document } = page('https://crm.example.org/customers/1');
    document.body.innerHTML = `<dl><dt>Name</dt><dd>Anna Schulz</dd><dt>Diagnosis</dt><dd>Type 2 diabetes</dd></dl>
      <span id="k">Card</span><output aria-labelledby="k">4111 1111 1111 1111</output>`;
    expect(generic.collectFields(document).map((c) => [c.label, c.displayedText])).toEqual([
      ['Name', 'Anna Schulz'],
      ['Diagnosis', 'Type 2 diabetes'],
      ['Card', '4111 1111 1111 1111'],
    ]);
  });
});

describe('registry and match patterns', () => {
  it('lets a policy host override the built-in choice and pick any adapter', () => {
    const extra = [{ pattern: 'https://portal.example.com/*', adapter: 'salesforce' as const }];
    expect(adapterForUrl('https://portal.example.com/lightning/r/Contact/003Dn00000AbCdEIAV/view', extra)?.id).toBe('salesforce');
    expect(adapterForUrl('https://app.hubspot.com/contacts/1/record/0-1/2', extra)?.id).toBe('hubspot');
    expect(adapterForUrl('not a url', extra)).toBeNull();
  });

  it.each([
    ['https://*.example.com/*', 'https://crm.example.com/a', true],
    ['https://*.example.com/*', 'https://example.com/', true],
    ['https://*.example.com/*', 'https://badexample.com/', false],
    ['https://crm.example.com/app/*', 'https://crm.example.com/app/x?y=1', true],
    ['https://crm.example.com/app/*', 'https://crm.example.com/other', false],
    ['https://crm.example.com:8443/*', 'https://crm.example.com:8443/x', true],
    ['https://crm.example.com:8443/*', 'https://crm.example.com/x', false],
    ['https://crm.example.com/*', 'http://crm.example.com/x', false],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, new URL(url))).toBe(expected);
  });

  it('rejects malformed patterns instead of matching everything', () => {
    expect(parseMatchPattern('crm.example.com')).toBeNull();
    expect(parseMatchPattern('https://cr*m.example.com/*')).toBeNull();
    expect(matchesPattern('https://cr*m.example.com/*', new URL('https://crm.example.com/'))).toBe(false);
  });

  it('matches globs in time proportional to pattern × text, even for adversarial input', () => {
    const text = 'a'.repeat(20000);
    const t0 = performance.now();
    expect(globMatch('*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
