import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { loadSynonyms, parseSynonyms } from './synonyms.ts';
import { writeTempSite } from '../../test/helpers/temp-site.ts';
import path from 'node:path';

const file = 'content/synonyms.yaml';
const findings = (text: string) => parseSynonyms(text, file).diagnostics.map(formatDiagnostic);

describe('reading content/synonyms.yaml', () => {
  it('reads one group per entry, from a comma-separated line or a list, with its line', () => {
    const { groups, diagnostics } = parseSynonyms(
      '# Customers’ words\nrefund: money back, reimbursement\n\nsign in:\n  - log in\n  - login\n',
      file,
    );
    expect(diagnostics).toEqual([]);
    expect(groups).toEqual([
      { phrases: ['refund', 'money back', 'reimbursement'], line: 2 },
      { phrases: ['sign in', 'log in', 'login'], line: 4 },
    ]);
  });

  it('treats an empty file and a missing file as no synonyms', () => {
    expect(parseSynonyms('# nothing yet\n', file)).toEqual({ groups: [], diagnostics: [] });
    const root = writeTempSite({});
    expect(loadSynonyms(root, path.join(root, 'content'))).toEqual({ groups: [], diagnostics: [] });
  });

  it('names the line, the group and the fix for each malformed group', () => {
    expect(
      findings(
        [
          'refund: money back,, reimbursement',
          'sign in: <b>log in</b>',
          'close account:',
          'cancel: [cancel order, Cancel Order]',
          'coupon: { code: voucher }',
        ].join('\n'),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/synonyms.yaml:1:1  error  refund[1]: must not be empty; remove the extra comma  (synonyms)",
        "content/synonyms.yaml:2:1  error  sign in[0]: must be a word or phrase (letters, digits, spaces, hyphens, apostrophes), like "money back"  (synonyms)",
        "content/synonyms.yaml:3:1  error  close account: expected the other words of the group, like "money back, reimbursement"  (synonyms)",
        "content/synonyms.yaml:5:1  error  coupon: expected the other words of the group, like "money back, reimbursement"  (synonyms)",
      ]
    `);
  });

  it('rejects a word listed twice in one group', () => {
    expect(findings('cancel: [cancel order, Cancel Order]\nrefund: refund, money back\n')).toMatchInlineSnapshot(`
      [
        "content/synonyms.yaml:1:1  error  cancel: "Cancel Order" is listed twice in the group of "cancel"; remove one  (synonyms)",
        "content/synonyms.yaml:2:1  error  refund: "refund" is listed twice in the group of "refund"; remove one  (synonyms)",
      ]
    `);
  });

  it('rejects a file that is not a list of groups, and YAML that does not parse, with the position', () => {
    expect(findings('- refund\n- money back\n')).toMatchInlineSnapshot(`
      [
        "content/synonyms.yaml:1:1  error  expected one group per line, like "refund: money back, reimbursement"  (synonyms)",
      ]
    `);
    expect(findings('refund: money back\n  reimbursement: x\n')).toMatchInlineSnapshot(`
      [
        "content/synonyms.yaml:1:9  error  the YAML does not parse: Nested mappings are not allowed in compact mappings; write one group per line, like "refund: money back, reimbursement"  (yaml-syntax)",
      ]
    `);
  });
});
