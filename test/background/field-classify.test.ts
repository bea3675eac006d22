import { describe, expect, it } from 'vitest';
import { classifyFieldsForContent } from '@/entrypoints/background/field-classify';
import { createFieldClassifier } from '@/entrypoints/crm.content/field-classify';
import { parseMessage } from '@/lib/messages/protocol';
import { classifyField } from '@/lib/detect/classify-field';

describe('cs:classify-fields', () => {
  it('answers the classifier’s verdict for each descriptor, in order', () => {
    const fields = [{ label: 'Geburtsdatum', lang: 'de' }, { label: 'Close Date', apiName: 'CloseDate', objectType: 'Opportunity' }, { name: 'Religion__c' }];
    const { verdicts } = classifyFieldsForContent({ fields });
    expect(verdicts.map((v) => v.kind)).toEqual(fields.map((f) => classifyField(f).kind));
    expect(verdicts[0]).toMatchObject({ kind: 'birthdate', reasonCode: expect.any(String), reason: expect.any(String) });
  });

  it('accepts descriptions only: a value under any other key is refused', () => {
    expect(parseMessage({ type: 'cs:classify-fields', fields: [{ label: 'IBAN', type: 'text' }] })).not.toBeNull();
    expect(parseMessage({ type: 'cs:classify-fields', fields: [{ label: 'IBAN', value: 'DE89 3704 0044 0532 0130 00' }] })).toBeNull();
    expect(parseMessage({ type: 'cs:classify-fields', fields: [] })).toBeNull();
    expect(parseMessage({ type: 'cs:classify-fields', fields: [{ label: 'x'.repeat(501) }] })).toBeNull();
  });
});

describe('the content-side field classifier', () => {
  it('clips, batches within the limit, remembers verdicts and asks once per distinct field', async () => {
    const sent: number[] = [];
    const classifier = createFieldClassifier({
      send: async (req) => {
        sent.push(req.fields.length);
        // What the router would do with the request.
        expect(parseMessage({ type: 'cs:classify-fields', ...req })).not.toBeNull();
        return classifyFieldsForContent(req);
      },
    });
    const many = Array.from({ length: 4500 }, (_, i) => ({ label: `Custom field ${i}`, name: `Field_${i}__c` }));
    const first = await classifier.classify([{ label: `E-Mail ${'x'.repeat(900)}` }, ...many, ...many.slice(0, 10)]);
    expect(first).toHaveLength(4511);
    expect(sent).toEqual([2000, 2000, 501]);
    const again = await classifier.classify([{ label: 'Email' }, ...many.slice(0, 100)]);
    expect(sent).toEqual([2000, 2000, 501, 1]);
    expect(again[0]?.kind).toBe('email');
  });

  it('fails clearly when the background does not answer', async () => {
    const silent = createFieldClassifier({ send: () => new Promise(() => {}), timeoutMs: 20 });
    await expect(silent.classify([{ label: 'Phone' }])).rejects.toThrow(/did not classify/);
  });
});
