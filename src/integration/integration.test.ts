import path from 'node:path';
import { describe, expect, it } from 'vitest';
import helpCenter from '../index.ts';
import { HelpCenterOptionsSchema } from './options.ts';
import { createHelpCenterVitePlugin } from './vite-plugin.ts';

describe('the options of helpCenter()', () => {
  it('defaults to the content folder, no replaced components and no extra CSS', () => {
    expect(HelpCenterOptionsSchema.parse({})).toEqual({ contentDir: 'content', components: {}, customCss: [] });
  });

  it('names every wrong option at once, with its path', () => {
    expect(() =>
      helpCenter({ components: { SiteFooter: './Footer.tsx' }, customCss: 'brand.css', colour: 'red' } as never),
    ).toThrow(
      [
        '[InvalidIntegrationOptions] The options of helpCenter() in astro.config.mjs are not valid:',
        'components.SiteFooter: must be the path of an .astro file, relative to the project root',
        'customCss: expected array, received string',
        'unknown field "colour"',
      ].join('\n'),
    );
  });

  it('refuses a component that is not replaceable', () => {
    expect(() => helpCenter({ components: { Header: './Header.astro' } as never })).toThrow(
      'components: unknown field "Header"',
    );
  });
});

describe('the Vite plugin', () => {
  const plugin = createHelpCenterVitePlugin({
    config: { root: '/site', contentDir: '/site/content', settings: { name: 'Help' } as never, hasFaqs: true },
    components: { SiteFooter: '/site/src/MyFooter.astro' },
    customCss: ['/site/src/brand.css', '/site/src/print.css'],
    componentsDir: '/pkg/components',
    buildSessionDoor: '/pkg/integration/build-session-door.js',
  });
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (id: string) => string | undefined;

  it("resolves a replaced component to the project's file and the others to ours", () => {
    expect(resolveId('virtual:helpdesk-kit/components/SiteFooter')).toBe('/site/src/MyFooter.astro');
    expect(resolveId('virtual:helpdesk-kit/components/SiteHeader')).toBe(
      path.join('/pkg/components', 'SiteHeader.astro'),
    );
    expect(resolveId('virtual:helpdesk-kit/components/Nope')).toBeUndefined();
    expect(resolveId('./other.ts')).toBeUndefined();
  });

  it('hands the configuration to the pages and loads the custom CSS in order', () => {
    const config = resolveId('virtual:helpdesk-kit/config')!;
    expect(load(config)).toBe(
      'export default {"root":"/site","contentDir":"/site/content","settings":{"name":"Help"},"hasFaqs":true};',
    );
    expect(load(resolveId('virtual:helpdesk-kit/user-css')!)).toBe(
      'import "/site/src/brand.css";\nimport "/site/src/print.css";',
    );
  });

  it("opens the build session's door to the loaders and pages: our one module for it", () => {
    expect(resolveId('virtual:helpdesk-kit/build-session')).toBe('/pkg/integration/build-session-door.js');
  });
});
