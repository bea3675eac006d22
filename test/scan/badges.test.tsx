// @vitest-environment happy-dom
/**
 * The overlay's badge: wording in English and German from the classifier's
 * reason codes, the most severe class deciding the look, and an accessible,
 * keyboard-dismissable tooltip. (Overlay code lives in components/badges.)
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { badgeModel, type BadgeField } from '../../components/badges/model';
import { Badge } from '../../components/badges/Badge';
import { badgeStrings } from '../../components/badges/strings';

const email: BadgeField = { kind: 'email', kindClass: 'ordinary', confidence: 0.95, reasonCode: 'label', label: 'Email', editable: true, source: 'field' };
const iban: BadgeField = { kind: 'bank_account', kindClass: 'sensitive_identifier', confidence: 0.99, reasonCode: 'value:iban', label: 'Notes', editable: false, source: 'value' };
const health: BadgeField = { kind: 'health', kindClass: 'special_category', confidence: 0.9, reasonCode: 'api-name', label: 'Diagnose', editable: false, source: 'field' };

describe('badgeModel', () => {
  it('names the kind and the label in English and German', () => {
    expect(badgeModel([email], 'en').name).toBe('Email address in “Email”');
    expect(badgeModel([email], 'de').name).toBe('E-Mail-Adresse in „Email“');
    expect(badgeModel([email], 'en').lines[0]).toContain('Recognised by the label “Email”.');
    expect(badgeModel([email], 'de').lines[0]).toContain('Erkannt an der Beschriftung „Email“.');
  });

  it('lets the most severe class decide colour and short text', () => {
    expect(badgeModel([email, health], 'en')).toMatchObject({ severity: 'special_category', short: 'Art. 9' });
    expect(badgeModel([iban], 'en')).toMatchObject({ severity: 'sensitive_identifier', short: 'ID' });
    expect(badgeModel([email], 'de').short).toBe('PB');
  });

  it('explains value findings without quoting the value', () => {
    const model = badgeModel([iban], 'en');
    expect(model.lines[0]).toContain('The value shown here contains Bank account.');
    expect(JSON.stringify(model)).not.toMatch(/DE\d{2}/);
  });

  it('has every badge string in German', () => {
    expect(Object.keys(badgeStrings.tables.de).sort()).toEqual(Object.keys(badgeStrings.tables.en).sort());
  });
});

describe('Badge', () => {
  it('is a button named for its field, described by a tooltip, closed with Escape, never focusing itself', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const before = document.activeElement;
    act(() => render(<Badge id="b1" model={badgeModel([health], 'en')} locale="en" />, host));
    const button = host.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Health data in “Diagnose”');
    const tip = host.querySelector('[role="tooltip"]')!;
    expect(button.getAttribute('aria-describedby')).toBe(tip.id);
    expect(button.className).toContain('pg-special_category');
    expect(document.activeElement).toBe(before);
    act(() => {
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(host.firstElementChild!.classList.contains('pg-dismissed')).toBe(true);
    act(() => render(null, host));
  });
});
