import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVISION, createVoteBody } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.cleanup();
});

const enc = new TextEncoder();
const valid = () =>
  createVoteBody({
    vote: 'down',
    reason: 'other',
    comment: 'ok',
    replaces: crypto.randomUUID(),
    website: '',
    turnstileToken: 'tok',
  });
const withField = (field: string, value: unknown) => JSON.stringify({ ...valid(), [field]: value });
const without = (field: string) => {
  const body: Record<string, unknown> = valid();
  delete body[field];
  return JSON.stringify(body);
};

/** The malformed-body table (checklist 1): name -> body. Every body is under the 8 KiB cap. */
function buildMalformedTable(): Array<[string, string | Uint8Array]> {
  const rows: Array<[string, string | Uint8Array]> = [];
  const fields = [
    'itemId',
    'pagePath',
    'vote',
    'reason',
    'comment',
    'language',
    'revision',
    'eventId',
    'replaces',
    'website',
    'turnstileToken',
  ];
  for (const field of ['itemId', 'pagePath', 'vote', 'language', 'revision', 'eventId'])
    rows.push([`missing ${field}`, without(field)]);
  const wrongTypes: Array<[string, unknown]> = [
    ['number', 42],
    ['null', null],
    ['array', ['x']],
    ['object', { a: 1 }],
    ['negative', -1],
    ['float', 1.5],
    ['huge number', 1e308],
    ['nested array', [[1]]],
  ];
  for (const field of fields)
    for (const [name, value] of wrongTypes) rows.push([`${field} as ${name}`, withField(field, value)]);
  for (const field of fields.filter((f) => f !== 'vote')) rows.push([`${field} as boolean`, withField(field, true)]);
  for (const field of ['itemId', 'pagePath', 'vote', 'language', 'revision', 'eventId', 'replaces'])
    rows.push([`${field} empty`, withField(field, '')]);
  for (const key of [
    'extra',
    '__proto__',
    'constructor',
    'prototype',
    'Vote',
    'item_id',
    'event_id',
    'article',
    'email',
    'ip',
  ]) {
    rows.push([`extra key ${key}`, `${JSON.stringify(valid()).slice(0, -1)},${JSON.stringify(key)}:1}`]);
  }
  for (const vote of ['maybe', 'UP', 'yes', 'true', '1', 'down ', 'helpful', 'no'])
    rows.push([`vote "${vote}"`, withField('vote', vote)]);
  for (const reason of ['spam', 'INCORRECT', 'hard to follow', 'incorrect,other'])
    rows.push([`reason "${reason}"`, withField('reason', reason)]);
  rows.push(['reason with vote up', JSON.stringify({ ...valid(), vote: 'up', reason: 'incorrect' })]);
  const ids = [
    'a'.repeat(7000),
    'article:',
    'page:x',
    'article:Reset',
    'article:a b',
    'ARTICLE:x',
    'article:../../etc',
    'article:x\u0000',
    'article:-x',
    'faq:x--y',
    'article:x:y',
    ' article:x',
  ];
  for (const id of ids) rows.push([`itemId ${JSON.stringify(id).slice(0, 30)}`, withField('itemId', id)]);
  const paths = [
    'relative',
    '//evil.example',
    '/\\evil',
    'https://evil.example/',
    '/a#b c',
    '/a b',
    `/${'a'.repeat(600)}`,
    '/\n',
    'javascript:alert(1)',
    '/\t',
  ];
  for (const p of paths) rows.push([`pagePath ${JSON.stringify(p).slice(0, 30)}`, withField('pagePath', p)]);
  for (const lang of ['english', 'e', 'en_US', 'x'.repeat(40), 'en-', '<script>', '12'])
    rows.push([`language ${lang.slice(0, 20)}`, withField('language', lang)]);
  for (const rev of ['HEAD', 'abc', 'z'.repeat(40), 'ABCDEF0', '0'.repeat(65), 'main'])
    rows.push([`revision ${rev.slice(0, 20)}`, withField('revision', rev)]);
  for (const id of [
    'not-a-uuid',
    '3f2b8c1e6d0a4c399a571b2c3d4e5f60',
    `${crypto.randomUUID()}x`,
    '{3f2b8c1e-6d0a-4c39-9a57-1b2c3d4e5f60}',
  ]) {
    rows.push(
      [`eventId ${id.slice(0, 20)}`, withField('eventId', id)],
      [`replaces ${id.slice(0, 20)}`, withField('replaces', id)],
    );
  }
  rows.push(['comment of 1,001 characters', withField('comment', 'x'.repeat(1001))]);
  rows.push(['comment of 1,001 characters after cleaning', withField('comment', `${'y'.repeat(1001)}\u0000`)]);
  rows.push(['website of 201 characters', withField('website', 'w'.repeat(201))]);
  rows.push(['turnstileToken of 2,049 characters', withField('turnstileToken', 't'.repeat(2049))]);
  for (const text of [
    '',
    '{',
    '}',
    "{'vote':'up'}",
    'undefined',
    'NaN',
    '{vote:"up"}',
    '{"vote":"up",}',
    '\u0000',
    'up',
    '<xml/>',
    'vote=up',
  ]) {
    rows.push([`not JSON ${JSON.stringify(text)}`, text]);
  }
  for (const text of ['null', '1', '"s"', 'true', '[]', '[{}]', `[${JSON.stringify(valid())}]`])
    rows.push([`JSON ${text.slice(0, 10)}`, text]);
  rows.push(['array nested 1,000 deep', `${'['.repeat(1000)}${']'.repeat(1000)}`]);
  rows.push(['object nested 1,000 deep', `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`]);
  rows.push(['vote nested 1,000 deep', withField('vote', JSON.parse(`${'['.repeat(1000)}"up"${']'.repeat(1000)}`))]);
  const json = enc.encode(JSON.stringify(valid()));
  const invalidUtf8: Array<[string, number[]]> = [
    ['lone 0xff', [0xff]],
    ['broken 2-byte', [0xc3, 0x28]],
    ['truncated 3-byte', [0xe2, 0x82]],
    ['overlong slash', [0xc0, 0xaf]],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ];
  for (const [name, bytes] of invalidUtf8) {
    const body = new Uint8Array(json.length + bytes.length);
    const cut = json.indexOf(0x6f); // inside a string value ("ok" comment or similar)
    body.set(json.subarray(0, cut));
    body.set(bytes, cut);
    body.set(json.subarray(cut), cut + bytes.length);
    rows.push([`invalid UTF-8: ${name}`, body]);
  }
  return rows;
}

describe('closed schema (checklist 1)', () => {
  const table = buildMalformedTable();

  it('has at least 200 malformed bodies, all under the body cap', () => {
    expect(table.length).toBeGreaterThanOrEqual(200);
    for (const [name, body] of table)
      expect(typeof body === 'string' ? enc.encode(body).length : body.length, name).toBeLessThanOrEqual(8192);
  });

  it('answers every malformed body with 400 and stores nothing', async () => {
    const wrong: string[] = [];
    for (const [i, [name, body]] of table.entries()) {
      const res = await t.post(body, { address: `10.9.${Math.floor(i / 200)}.${i % 200}` });
      if (res.status !== 400) wrong.push(`${name}: ${res.status}`);
      else expect((await res.json()).error.code).toBe('InvalidFeedback');
    }
    expect(wrong).toEqual([]);
    expect(await t.store.countVotes()).toBe(0);
  });

  it('answers a 10 KB slug with 413, because the body cap comes first', async () => {
    expect((await t.post(withField('itemId', `article:${'a'.repeat(10_240)}`))).status).toBe(413);
  });

  it('the valid body the table mutates is itself accepted', async () => {
    expect((await t.post(valid(), { address: '10.8.0.1' })).status).toBe(202);
  });
});

/** Field pools: values known valid and values known invalid, so the test has its own oracle. */
const POOLS: Record<string, { valid: unknown[]; invalid: unknown[]; optional: boolean }> = {
  itemId: {
    valid: ['article:reset-password', 'faq:why-charged-twice'],
    invalid: ['article:nope', 'x', 1, null, 'faq:'],
    optional: false,
  },
  pagePath: {
    valid: ['/', '/account/reset-password/', '/faq/?x=1'],
    invalid: ['//x', 'x', '', 5, '/a b'],
    optional: false,
  },
  vote: { valid: ['up', 'down', true, false], invalid: ['maybe', 1, null, '', 'UP'], optional: false },
  reason: {
    valid: ['incorrect', 'hard-to-follow', 'did-not-answer', 'other'],
    invalid: ['spam', 2, ''],
    optional: true,
  },
  comment: {
    valid: ['', 'fine', 'a\nb', '<b>x</b>', '=1+1', 'é🎉'],
    invalid: [3, ['x'], 'c'.repeat(1001)],
    optional: true,
  },
  language: { valid: ['en', 'pt-BR', 'de-CH'], invalid: ['', 'english', 7], optional: false },
  revision: { valid: [REVISION, 'unknown', 'abcdef0'], invalid: ['HEAD', '', 'ABC'], optional: false },
  eventId: { valid: ['<fresh uuid>'], invalid: ['x', 1, ''], optional: false },
  replaces: { valid: ['<fresh uuid>'], invalid: ['y', 0], optional: true },
  website: { valid: [''], invalid: [1, 'w'.repeat(201)], optional: true },
};

type FieldChoice = { present: false } | { present: true; value: unknown; ok: boolean };
const fieldArb = (name: string) => {
  const pool = POOLS[name]!;
  const choices: Array<fc.Arbitrary<FieldChoice>> = [
    fc.constantFrom(...pool.valid).map((value) => ({ present: true as const, value, ok: true })),
    fc.constantFrom(...pool.invalid).map((value) => ({ present: true as const, value, ok: false })),
    fc.constant({ present: false as const }),
  ];
  return fc.oneof(
    { arbitrary: choices[0]!, weight: 16 },
    { arbitrary: choices[1]!, weight: 1 },
    { arbitrary: choices[2]!, weight: pool.optional ? 6 : 1 },
  );
};
const structuredArb = fc.record({
  fields: fc.record(
    Object.fromEntries(Object.keys(POOLS).map((name) => [name, fieldArb(name)])) as Record<
      string,
      fc.Arbitrary<FieldChoice>
    >,
  ),
  extraKey: fc.oneof(
    { arbitrary: fc.constant(null), weight: 9 },
    { arbitrary: fc.constantFrom('extra', 'Vote', 'ip', '__proto__'), weight: 1 },
  ),
});

describe('10,000 random bodies (checklist 1, property-based)', () => {
  it('never get a 5xx, and a row is stored exactly when the body is valid', async () => {
    let n = 0;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: structuredArb.map((s) => ({ kind: 'structured' as const, ...s })), weight: 6 },
          {
            arbitrary: fc.jsonValue().map((v) => ({ kind: 'raw' as const, text: JSON.stringify(v) ?? '' })),
            weight: 2,
          },
          {
            arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ kind: 'raw' as const, text })),
            weight: 2,
          },
        ),
        async (input) => {
          n++;
          let text: string;
          let expectStored = false;
          if (input.kind === 'structured') {
            const body: Record<string, unknown> = {};
            let ok = true;
            for (const [name, choice] of Object.entries(input.fields)) {
              if (!choice.present) {
                if (!POOLS[name]!.optional) ok = false;
                continue;
              }
              body[name] = choice.value === '<fresh uuid>' ? crypto.randomUUID() : choice.value;
              if (!choice.ok) ok = false;
            }
            if (body.reason !== undefined && body.reason !== '' && body.vote !== 'down' && body.vote !== false)
              ok = false;
            text = JSON.stringify(body);
            if (input.extraKey) {
              text = `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(input.extraKey)}:1}`;
              ok = false;
            }
            expectStored = ok;
          } else text = input.text;
          const before = await t.store.countVotes();
          const res = await t.post(text, { address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
          expect(res.status).toBeLessThan(500);
          expect([202, 400, 413]).toContain(res.status);
          const after = await t.store.countVotes();
          if (input.kind === 'structured') expect(after - before).toBe(expectStored ? 1 : 0);
          else if (res.status !== 202) expect(after).toBe(before);
          if (after > before) stored++;
        },
      ),
      { numRuns: 10_000 },
    );
    expect(stored).toBeGreaterThan(500);
  }, 120_000);
});
