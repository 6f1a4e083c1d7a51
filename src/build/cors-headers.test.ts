import { describe, expect, it } from 'vitest';
import { buildCorsFiles } from './cors-headers.ts';

describe('CORS headers for the widget', () => {
  it('writes nothing without product origins', () => {
    expect(buildCorsFiles([], '/')).toBeUndefined();
  });

  it('allows one origin on the widget paths in _headers and vercel.json, under the base', () => {
    const files = buildCorsFiles(['https://app.acme.example'], '/help/')!;
    expect(files.netlify.split('\n').slice(0, 4)).toEqual([
      '/help/pagefind/*',
      '  Access-Control-Allow-Origin: https://app.acme.example',
      '  Access-Control-Allow-Methods: GET',
      '  Vary: Origin',
    ]);
    expect(files.vercel[0]).toEqual({
      source: '/help/pagefind/(.*)',
      has: [{ type: 'header', key: 'origin', value: '^https://app\\.acme\\.example$' }],
      headers: [
        { key: 'Access-Control-Allow-Origin', value: 'https://app.acme.example' },
        { key: 'Access-Control-Allow-Methods', value: 'GET' },
        { key: 'Vary', value: 'Origin' },
      ],
    });
    expect(files.vercel.map((r) => r.source)).toEqual(['/help/pagefind/(.*)', '/help/widget/(.*)']);
    expect(files.warning).toBeUndefined();
  });

  it('matches each origin in vercel.json and says that _headers holds only the first', () => {
    const files = buildCorsFiles(['https://a.example', 'https://b.example'], '/')!;
    expect(new Set(files.vercel.map((r) => r.headers[0]!.value))).toEqual(
      new Set(['https://a.example', 'https://b.example']),
    );
    expect(files.netlify).not.toContain('https://b.example');
    expect(files.warning).toContain('_headers (Netlify, Cloudflare Pages) allows only https://a.example');
  });
});
