import { describe, expect, it } from 'vitest';
import type { AssistantData, AssistantRecord } from './assistant-data.ts';
import { detectLanguage } from './assistant-language.ts';
import { createDataBackend } from './data-backend.ts';

const SITE = 'https://docs.example.com/help';
const rec = (prefix: string, id: string, title: string, text: string, synonyms = ''): AssistantRecord => {
  const [kind, slug] = id.split(':') as ['article' | 'faq', string];
  const page = kind === 'faq' ? `faq/#${slug}` : `account/${slug}/`;
  const copy = kind === 'faq' ? `faq/${slug}.md` : `account/${slug}.md`;
  const p = prefix ? `${prefix}/` : '';
  return {
    id,
    kind,
    title,
    description: '',
    url: `${SITE}/${p}${page}`,
    markdownUrl: `${SITE}/${p}${copy}`,
    markdown: `# ${title}\n`,
    text,
    synonyms,
  };
};
const DATA: AssistantData = {
  version: 1,
  name: 'Help',
  siteUrl: SITE,
  revision: 'r1',
  languages: [
    {
      code: 'en',
      prefix: '',
      vocabulary: {
        language: 'en',
        stopWords: ['how', 'do', 'i', 'my'],
        words: ['reset', 'password', 'refund', 'reimbursement'],
      },
      records: [
        rec('', 'article:reset-password', 'Reset your password', 'Select Forgot password.'),
        rec('', 'article:refunds', 'Refunds', 'Money back in five days.', 'reimbursement'),
        rec('', 'faq:why-locked', 'Why is my account locked?', 'Too many attempts.'),
      ],
    },
    {
      code: 'de',
      prefix: 'de',
      vocabulary: { language: 'de', stopWords: ['wie', 'ich'], words: ['passwort', 'zurücksetzen', 'vergessen'] },
      records: [rec('de', 'article:reset-password', 'Passwort zurücksetzen', 'Wählen Sie Passwort vergessen.')],
    },
    {
      code: 'ja',
      prefix: 'ja',
      records: [rec('ja', 'article:reset-password', 'パスワードの再設定', 'パスワードをお忘れの方を選びます。')],
    },
  ],
};
const backend = createDataBackend(DATA, { version: '1' });

describe('the MCP data backend', () => {
  it('gets a page by URL below a base path, in the URL’s language', async () => {
    expect(await backend.get(`${SITE}/de/account/reset-password/`)).toMatchObject({
      language: 'de',
      title: 'Passwort zurücksetzen',
    });
    expect(await backend.get(`${SITE}/de/account/reset-password.md`)).toMatchObject({ language: 'de' });
    expect(await backend.get(`${SITE}/account/reset-password/`)).toMatchObject({ language: 'en' });
    expect(await backend.get(`${SITE}/faq/#why-locked`)).toMatchObject({ id: 'faq:why-locked' });
  });

  it('gives a fallback page’s URL the default language’s text, and nothing for another site', async () => {
    expect(await backend.get(`${SITE}/de/account/refunds/`)).toMatchObject({ language: 'en', title: 'Refunds' });
    expect(await backend.get('https://docs.example.com/other/account/refunds/')).toBeUndefined();
    expect(await backend.get('https://evil.example/help/account/refunds/')).toBeUndefined();
    expect(await backend.get('https://[bad')).toBeUndefined();
  });

  it('gets an id in the language asked for, falling back to the default one', async () => {
    expect(await backend.get('article:reset-password', 'de')).toMatchObject({ language: 'de' });
    expect(await backend.get('article:refunds', 'de')).toMatchObject({ language: 'en' });
    expect(await backend.get('article:nope')).toBeUndefined();
  });

  it('searches the language of the query, with stop words, typos and synonyms', async () => {
    expect(await backend.search('how do I reset my pasword', 5)).toMatchObject({
      language: 'en',
      hits: [{ id: 'article:reset-password' }],
    });
    expect((await backend.search('reimbursement', 5)).hits.map((h) => h.id)).toEqual(['article:refunds']);
    expect(await backend.search('Passwort vergessen', 5)).toMatchObject({ language: 'de', total: 1 });
    expect(await backend.search('パスワードを忘れた', 5)).toMatchObject({ language: 'ja', total: 1 });
    expect(await backend.search('password', 5, 'ja')).toMatchObject({ language: 'ja' });
  });

  it('picks a language by script, then by known words, else the default', () => {
    const languages = [
      { code: 'en', prefix: '', words: new Set(['password']) },
      { code: 'de', prefix: 'de', words: new Set(['passwort', 'vergessen']) },
      { code: 'ar', prefix: 'ar', words: new Set<string>() },
    ];
    expect(detectLanguage(languages, 'الشحن').code).toBe('ar');
    expect(detectLanguage(languages, 'Passwort vergessen').code).toBe('de');
    expect(detectLanguage(languages, 'something else').code).toBe('en');
  });
});
