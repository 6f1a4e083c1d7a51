/** The icon set: every name is a Lucide icon the installed @lucide/astro ships, every alias lands in the set, and Icon.astro draws each. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICON_ALIASES, ICON_NAMES, isDirectionalIcon } from './icon-names.ts';
import { CategorySchema } from './schema.ts';

// The package exports only its modules: find the folder from one of them.
const iconsDir = path.dirname(fileURLToPath(import.meta.resolve('@lucide/astro/icons/truck')));
const iconComponent = readFileSync(new URL('../components/Icon.astro', import.meta.url), 'utf8');

describe('the icon set', () => {
  it.each(ICON_NAMES)('%s is a Lucide icon, imported and mapped by Icon.astro', (name) => {
    expect(existsSync(path.join(iconsDir, `${name}.ts`))).toBe(true);
    expect(iconComponent).toContain(`from '@lucide/astro/icons/${name}';`);
    expect(iconComponent).toMatch(new RegExp(`^  '?${name}'?: \\w+,$`, 'm'));
  });

  it('maps the older short names into the set', () => {
    for (const target of Object.values(ICON_ALIASES)) expect(ICON_NAMES).toContain(target);
    expect(ICON_ALIASES.card).toBe('credit-card');
  });

  it('mirrors only arrows in right-to-left pages', () => {
    expect(ICON_NAMES.filter(isDirectionalIcon)).toEqual(['undo-2', 'chevron-right', 'arrow-right']);
  });

  it("refuses a category icon outside the set, with the name it probably meant", () => {
    const category = { id: 'start', title: 'Start', description: 'First steps.' };
    expect(CategorySchema.parse({ ...category, icon: 'card' }).icon).toBe('card');
    expect(CategorySchema.parse(category).icon).toBe('book');
    const result = CategorySchema.safeParse({ ...category, icon: 'rockt' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^is not an icon of the built-in set; did you mean "rocket"\? The set: book-open, rocket, /);
  });
});
