/**
 * The names of the kit's icon set (Icon.astro draws them): Lucide's names, plus the short names
 * categories used before (`card`, `return`...), kept as aliases so existing categories.yaml files
 * draw the same subjects.
 */
export const ICON_NAMES = [
  'book-open',
  'rocket',
  'user',
  'users',
  'credit-card',
  'receipt',
  'truck',
  'package',
  'undo-2',
  'wrench',
  'shield-check',
  'lock',
  'circle-question-mark',
  'settings',
  'smartphone',
  'gift',
  'tag',
  'shopping-bag',
  'globe',
  'bell',
  'calendar',
  'sparkles',
  'message-circle',
  'mail',
  'phone',
  'life-buoy',
  'file-text',
  'clock',
  'chevron-right',
  'arrow-right',
  'moon',
  'sun',
] as const;

export type IconName = (typeof ICON_NAMES)[number];

export const ICON_ALIASES: Readonly<Record<string, IconName>> = {
  book: 'book-open',
  card: 'credit-card',
  return: 'undo-2',
  shield: 'shield-check',
  question: 'circle-question-mark',
};

/** Every name a category's `icon` may take: the set and the aliases. */
export const ICON_CHOICES: readonly string[] = [...ICON_NAMES, ...Object.keys(ICON_ALIASES)];

export const isIconName = (name: string): boolean => ICON_CHOICES.includes(name);

/** Icons whose arrow points along the reading direction: mirrored in right-to-left pages (global.css). */
export function isDirectionalIcon(name: IconName): boolean {
  return name === 'undo-2' || name === 'chevron-right' || name === 'arrow-right';
}
