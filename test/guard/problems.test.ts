import { describe, expect, it } from 'vitest';
import { decideProblems, type GuardField, type GuardPolicy } from '@/lib/guard/problems';
import { isFreeTextField } from '@/lib/guard/free-text';
import { defaultPolicy, type Mode } from '@/lib/policy/schema';
import { contentPolicy } from '@/lib/policy/resolve';
import type { Finding, RuleId } from '@/lib/detect/finding';
import type { Kind, KindClass } from '@/lib/detect/kinds';
import type { RecordContext } from '@/lib/messages/record';

const RULE: Partial<Record<Kind, RuleId>> = {
  email: 'email', phone: 'phone', bank_account: 'iban', payment_card: 'payment-card', national_id: 'de-steuer-id',
  credential: 'credential-keyword', birthdate: 'birthdate-context', health: 'health-statement', criminal: 'criminal-statement', religion: 'religion-statement',
};
const finding = (kind: Kind, start = 0, end = 10, confidence = 0.9): Finding => ({ kind, start, end, confidence, rule: RULE[kind] ?? 'email' });

const NOTES: GuardField = { descriptor: { label: 'Description', type: 'textarea', apiName: 'Description' }, fieldKind: null };
const EMAIL: GuardField = { descriptor: { label: 'Email', type: 'email', apiName: 'Email' }, fieldKind: 'email' };
const TITLE: GuardField = { descriptor: { label: 'Title', type: 'text', apiName: 'Title' }, fieldKind: null };
const TAX: GuardField = { descriptor: { label: 'Tax ID', type: 'text', apiName: 'TaxId__c' }, fieldKind: 'national_id' };
const HS_NOTE: GuardField = { descriptor: { label: 'Note', type: 'contenteditable', ariaLabel: 'Note' }, fieldKind: null };

const sfLead: RecordContext = { crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Lead', recordId: '00Q1', view: 'edit' };
const sfContact: RecordContext = { ...sfLead, objectType: 'Contact', recordId: '0031' };
const hsDeal: RecordContext = { crm: 'hubspot', host: 'app.hubspot.com', objectType: '0-3', recordId: '42', view: 'record' };

function policy(patch: { modes?: Partial<Record<KindClass, Mode>>; rules?: Record<string, unknown>; enabled?: boolean; paused?: boolean } = {}): GuardPolicy {
  const base = contentPolicy(defaultPolicy());
  return {
    detection: { ...base.detection, enabled: patch.enabled ?? true },
    modes: { ...base.modes, ...patch.modes },
    rules: { ...base.rules, ...(patch.rules as object) } as GuardPolicy['rules'],
    paused: patch.paused ?? false,
  };
}

const leadRules = policy({
  rules: {
    salesforce: {
      Lead: { fields: { Email: ['email'], Phone: ['phone'], Description: ['email'] }, neverInFreeText: ['phone'] },
    },
    hubspot: { '0-3': { fields: {}, neverInFreeText: ['phone'] } },
  },
});

interface Case {
  name: string;
  kind: Kind;
  field: GuardField;
  context: RecordContext | null;
  policy: GuardPolicy;
  expect: null | { problem: 'sensitive' | 'excess'; reason: string; severity: string };
}

const cases: Case[] = [
  { name: 'IBAN in a notes field is sensitive (default mode override)', kind: 'bank_account', field: NOTES, context: sfContact, policy: policy(), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'override' } },
  { name: 'health statement in a HubSpot note', kind: 'health', field: HS_NOTE, context: hsDeal, policy: policy(), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'override' } },
  { name: 'criminal statement blocks by default', kind: 'criminal', field: NOTES, context: sfContact, policy: policy(), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'block' } },
  { name: 'card number in a Title field (not free text, not for it)', kind: 'payment_card', field: TITLE, context: sfContact, policy: policy(), expect: { problem: 'sensitive', reason: 'sensitive-not-for-field', severity: 'override' } },
  { name: 'national ID in a Tax ID field is what the field is for', kind: 'national_id', field: TAX, context: sfContact, policy: policy(), expect: null },
  { name: 'email in an Email field', kind: 'email', field: EMAIL, context: sfContact, policy: policy(), expect: null },
  { name: 'email in a note without object rules: normal, no nagging', kind: 'email', field: NOTES, context: sfContact, policy: policy(), expect: null },
  { name: 'phone in a Deal note where the object forbids it in free text', kind: 'phone', field: HS_NOTE, context: hsDeal, policy: leadRules, expect: { problem: 'excess', reason: 'never-in-free-text', severity: 'warn' } },
  { name: 'phone in a Lead Description not listed for it', kind: 'phone', field: NOTES, context: sfLead, policy: leadRules, expect: { problem: 'excess', reason: 'never-in-free-text', severity: 'warn' } },
  { name: 'birth date typed into a Lead Title: the Lead keeps no birth date', kind: 'birthdate', field: TITLE, context: sfLead, policy: leadRules, expect: { problem: 'excess', reason: 'not-kept-for-object', severity: 'warn' } },
  { name: 'email in the Lead Email field the policy lists', kind: 'email', field: EMAIL, context: sfLead, policy: leadRules, expect: null },
  { name: 'phone in the Lead Email field: the policy lists only email there', kind: 'phone', field: EMAIL, context: sfLead, policy: leadRules, expect: { problem: 'excess', reason: 'not-allowed-in-field', severity: 'warn' } },
  { name: 'email in the Lead Description the policy lists', kind: 'email', field: NOTES, context: sfLead, policy: leadRules, expect: null },
  { name: 'mode off drops the class', kind: 'bank_account', field: NOTES, context: sfContact, policy: policy({ modes: { sensitive_identifier: 'off' } }), expect: null },
  { name: 'block mode per class', kind: 'bank_account', field: NOTES, context: sfContact, policy: policy({ modes: { sensitive_identifier: 'block' } }), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'block' } },
  { name: 'warn mode per class', kind: 'health', field: NOTES, context: sfContact, policy: policy({ modes: { special_category: 'warn' } }), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'warn' } },
  { name: 'detection disabled', kind: 'criminal', field: NOTES, context: sfContact, policy: policy({ enabled: false }), expect: null },
  { name: 'paused by the rep', kind: 'criminal', field: NOTES, context: sfContact, policy: policy({ paused: true }), expect: null },
  { name: 'no record context still guards sensitive data', kind: 'credential', field: NOTES, context: null, policy: policy(), expect: { problem: 'sensitive', reason: 'never-in-free-text', severity: 'override' } },
  { name: 'religion removed from neverInFreeText is still sensitive outside its field', kind: 'religion', field: NOTES, context: sfContact, policy: policy({ rules: { neverInFreeText: [] } }), expect: { problem: 'sensitive', reason: 'sensitive-not-for-field', severity: 'override' } },
];

describe('decideProblems', () => {
  for (const c of cases) {
    it(c.name, () => {
      const problems = decideProblems([finding(c.kind, 3, 20)], c.field, c.context, c.policy);
      if (c.expect === null) expect(problems).toEqual([]);
      else {
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ kind: c.kind, start: 3, end: 20, ...c.expect });
      }
    });
  }

  it('ignores weak findings and orders the rest by position', () => {
    const problems = decideProblems([finding('criminal', 40, 60), finding('bank_account', 5, 30), finding('health', 0, 3, 0.2)], NOTES, sfContact, policy());
    expect(problems.map((p) => [p.kind, p.start])).toEqual([['bank_account', 5], ['criminal', 40]]);
  });

  it('a HubSpot rule does not apply on Salesforce', () => {
    expect(decideProblems([finding('phone')], NOTES, { ...sfContact, objectType: '0-3' }, leadRules)).toEqual([]);
  });
});

describe('isFreeTextField', () => {
  const table: [string, Parameters<typeof isFreeTextField>[0], boolean][] = [
    ['textarea', { type: 'textarea', label: 'Anything' }, true],
    ['contenteditable', { type: 'contenteditable' }, true],
    ['text input labelled Notes', { type: 'text', label: 'Notes' }, true],
    ['German Bemerkungen', { type: 'text', label: 'Bemerkungen' }, true],
    ['API name Notes__c', { type: 'text', apiName: 'Notes__c' }, true],
    ['Title', { type: 'text', label: 'Title' }, false],
    ['email input', { type: 'email', label: 'Notes' }, false],
    ['Keynote speaker is not a note', { type: 'text', label: 'Keynote speaker' }, false],
  ];
  for (const [name, desc, expected] of table) it(name, () => expect(isFreeTextField(desc)).toBe(expected));
});
