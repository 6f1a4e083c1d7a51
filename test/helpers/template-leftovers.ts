/**
 * Other generators' template syntax left visible in a built page or a search record: Liquid,
 * Hugo shortcodes, MkDocs Material markers, Docusaurus MDX. Code is where writers show such
 * syntax on purpose, so `<pre>`, `<code>`, `<script>` and `<style>` are left out before looking.
 */

/** Each kind of leftover, by name, with a pattern that finds it in text (not in code). */
export const LEFTOVER_PATTERNS: ReadonlyArray<readonly [kind: string, pattern: RegExp]> = [
  ['Liquid tag {% %}', /\{%-?\s*[a-z_]+[^%]*%\}/i],
  ['Liquid output {{ }}', /\{\{-?\s*(?:site|page|include|layout|content)\b[^}]*\}\}/],
  ['Hugo shortcode {{< >}}', /\{\{<\s*\/?\s*[\w-]+[^>]*>\}\}/],
  ['Hugo shortcode {{% %}}', /\{\{%\s*\/?\s*[\w-]+[^%]*%\}\}/],
  ['MkDocs tab === "', /^\s*===\+?\s+"/m],
  ['MkDocs collapsible ???', /^\s*\?\?\?\+?\s+\w/m],
  ['MkDocs snippet --8<--', /--8<--/],
  ['MkDocs block /// name', /^\s*\/{3,}[ \t]*[a-z][\w-]*(?:[ \t]*\|.*)?$/m],
  ['attr_list {: }', /\{:\s*[#.][\w-]/],
  ['Hugo heading id {#id}', /\{#[\w-]+\}/],
  ['MDX import', /^\s*import\s+[\w{][^\n]*\sfrom\s+['"]/m],
  ['JSX expression', /\bstyle=\{\{|\buseBaseUrl\(|\}\s*\/>/],
  ['admonition fence :::', /^\s*:::/m],
];

/** The visible text of an HTML page or fragment without its code, scripts and styles. */
export function getProseText(html: string): string {
  return html
    .replace(/<(pre|code|script|style|template)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>|<\/(p|li|h[1-6]|div|dd|dt|tr|summary)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface Leftover {
  kind: string;
  /** The text around it, for the message. */
  excerpt: string;
}

/**
 * Every kind of leftover in the text (prose only: call getProseText on HTML first). `isCode`, when
 * given, is asked about each match's start (a search record holds its page's code as text).
 */
export function findLeftovers(text: string, isCode?: (snippet: string) => boolean): Leftover[] {
  const out: Leftover[] = [];
  for (const [kind, pattern] of LEFTOVER_PATTERNS) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      if (isCode?.(m[0].replace(/\s+/g, ' ').trim().slice(0, 12))) continue;
      out.push({ kind, excerpt: text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ') });
      break;
    }
  }
  return out;
}
