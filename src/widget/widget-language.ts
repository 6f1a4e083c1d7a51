/**
 * Which of the help center's languages a widget speaks: the first language the embedding page
 * states (the element's `lang`, the script's `data-lang`, the page's `<html lang>`) decides; the
 * site's language with that tag, else with its base language ("de-CH" -> "de"), else the default.
 */

/** The language code of `others` to use, or undefined for the default language. */
export function pickWidgetLanguage(
  stated: ReadonlyArray<string | null | undefined>,
  defaultLanguage: string,
  others: readonly string[],
): string | undefined {
  const wanted = stated.map((s) => s?.trim().toLowerCase()).find(Boolean);
  if (!wanted) return undefined;
  const base = (tag: string) => tag.split('-')[0];
  const all = [defaultLanguage, ...others];
  const found =
    all.find((code) => code.toLowerCase() === wanted) ?? all.find((code) => base(code.toLowerCase()) === base(wanted));
  return found === undefined || found === defaultLanguage ? undefined : found;
}
