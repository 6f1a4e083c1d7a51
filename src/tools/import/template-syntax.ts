/**
 * Other generators' syntax in Markdown bodies, turned into ours or into plain text: Hugo
 * shortcodes, Liquid tags, MkDocs admonitions, GitHub alerts, Docusaurus admonitions and MDX,
 * Bootstrap alert boxes, definition lists, `<style>` blocks and `#` headings. Code blocks and
 * inline code are left exactly as written (their braces are examples, not templates). What is
 * removed is counted with the file, for the summary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { calloutTypeOf, htmlToMarkdown, recordAltFromFileName, recordUnsafeHtml } from './html-to-markdown.ts';
import type { ConversionCounts } from './types.ts';

/** A link target the link step resolves later: a Hugo ref, a Jekyll `{% link %}`. */
export const REF_PREFIX = 'hk-ref:';

const HUGO_CALLOUTS =
  /^(hint|notice|alert|admonition|callout|note|tip|warning|info|important|caution|danger|message)$/i;
const HUGO_TEXT = /^(badge|label|deprecated|version|new|beta|since|status|tag)$/i;

/** Split a body into prose and code (fenced blocks and inline code), so prose can be rewritten alone. */
export function mapProse(body: string, fn: (prose: string) => string): string {
  const out: string[] = [];
  const lines = body.split('\n');
  let prose: string[] = [];
  let fence: string | undefined;
  let indent = 0;
  let code: string[] = [];
  const flushProse = () => {
    if (prose.length) out.push(mapInlineProse(prose.join('\n'), fn));
    prose = [];
  };
  for (const line of lines) {
    const m = /^(\s*)(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) {
      flushProse();
      fence = m[2]![0]!.repeat(m[2]!.length);
      indent = m[1]!.length;
      code = [line];
    } else if (fence !== undefined) {
      code.push(line);
      if (isFenceClose(line, fence, indent)) {
        out.push(code.join('\n'));
        fence = undefined;
      }
    } else prose.push(line);
  }
  if (fence !== undefined) out.push(code.join('\n'));
  flushProse();
  return out.join('\n');
}

/**
 * A line that closes the fence: the same character, at least as long, indented at most three
 * spaces more than the opening (CommonMark), so an indented fence shown inside code stays code.
 */
function isFenceClose(line: string, fence: string, openIndent: number): boolean {
  const m = new RegExp(`^( *)${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).exec(line);
  return m !== null && m[1]!.length <= openIndent + 3;
}

/** Inline code spans stay; the text between them goes through `fn` with placeholders for them. */
function mapInlineProse(text: string, fn: (prose: string) => string): string {
  const spans: string[] = [];
  // A private-use character marks where each code span was: it does not occur in writers' text.
  const masked = text.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (m) => `\uE000${spans.push(m) - 1}\uE000`);
  return fn(masked).replace(/\uE000(\d+)\uE000/g, (_m, i: string) => spans[Number(i)]!);
}

interface ShortcodeArgs {
  positional: string[];
  named: Record<string, string>;
}

function parseArgs(text: string): ShortcodeArgs {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of text.matchAll(/(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"']+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

export interface TemplateContext {
  origin: string;
  counts: ConversionCounts;
  /** The page's folder (absolute), for files a shortcode or include reads. */
  dir?: string;
  /** The source project's folder (absolute). */
  root?: string;
}

function removed(ctx: TemplateContext, what: string): void {
  ctx.counts.templateSyntaxRemoved.push({ origin: ctx.origin, message: what });
}

/** Something of the other generator's that became ours: the kind is the summary's group. */
function converted(ctx: TemplateContext, kind: string): void {
  ctx.counts.converted.push({ origin: ctx.origin, message: kind });
}

/**
 * Fenced code blocks and inline code replaced by tokens, so a conversion over the rest cannot
 * touch them; `restore` puts them back (through `inCode`, for what code needs changed).
 */
export function maskCode(body: string): {
  masked: string;
  restore: (text: string, inCode?: (code: string) => string) => string;
} {
  const blocks: string[] = [];
  const out: string[] = [];
  let fence: string | undefined;
  let indent = 0;
  let code: string[] = [];
  for (const line of body.split('\n')) {
    const m = /^(\s*)(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) {
      fence = m[2]!;
      indent = m[1]!.length;
      code = [line];
    } else if (fence !== undefined) {
      code.push(line);
      if (isFenceClose(line, fence, indent)) {
        out.push(`\uE001${blocks.push(code.join('\n')) - 1}\uE001`);
        fence = undefined;
      }
    } else out.push(line);
  }
  if (fence !== undefined) out.push(`\uE001${blocks.push(code.join('\n')) - 1}\uE001`);
  const masked = out.join('\n').replace(/(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g, (m) => `\uE002${blocks.push(m) - 1}\uE002`);
  const restore = (text: string, inCode: (code: string) => string = (c) => c) => {
    let t = text;
    // Twice: a restored block may hold a token of an inline span (a fence holds none; this is cheap).
    // A fenced block a conversion indented (into a list item) moves there whole: its own indentation
    // is replaced by the new one on every line.
    t = t.replace(/^([ \t]+)\uE001(\d+)\uE001/gm, (_m, pad: string, n: string) => {
      const code = inCode(blocks[Number(n)]!);
      const own = new RegExp(`^[ \\t]{0,${/^[ \t]*/.exec(code)![0].length}}`);
      return code
        .split('\n')
        .map((line) => pad + line.replace(own, ''))
        .join('\n');
    });
    for (let i = 0; i < 2; i++)
      t = t.replace(/[\uE001\uE002](\d+)[\uE001\uE002]/g, (_m, n: string) => inCode(blocks[Number(n)]!));
    return t;
  };
  return { masked, restore };
}

// Hugo shows an escaped shortcode (a comment marker after `{{<`, one before `>}}`) as the shortcode
// itself: how its documentation writes examples.
const unescapeHugo = (text: string) => text.replace(/\{\{([<%])\/\*\s*([^]*?)\s*\*\/([>%])\}\}/g, '{{$1 $2 $3}}');

/** A token of one masked fenced block and nothing else. */
const ONLY_FENCE = /^\s*\uE001\d+\uE001\s*$/;

/** Shortcodes that become blocks of ours (callouts, tabs, details): kept in the list item they were in. */
const HUGO_BLOCKS = new RegExp(
  `${HUGO_CALLOUTS.source}|^(tabs|tabpane|tab|details|expand|collapse|spoiler|accordion)$`,
  'i',
);

const HUGO_BADGES = /^(required|optional|nullable|deprecated|experimental|readonly|read-only|beta|new|preview)$/i;

/** Hugo shortcodes: `{{< name args >}}`, `{{% name %}}`, paired with `{{< /name >}}` (or `{{</ name >}}`). */
export function convertHugoShortcodes(body: string, ctx: TemplateContext, depth = 0): string {
  // Escaped shortcodes in prose are examples: shown as code, as Hugo's page showed them.
  const { masked, restore } = maskCode(
    mapProse(body, (prose) => prose.replace(/\{\{[<%]\/\*[^]*?\*\/[>%]\}\}/g, (m) => `\`${unescapeHugo(m)}\``)),
  );
  let text = inheritTabpaneArgs(masked);
  const open = String.raw`\{\{[<%]\s*`;
  const close = String.raw`\s*[>%]\}\}`;
  // Self-closing ones (`{{< tab header="x" />}}`) pair with nothing: handled alone, before pairs are looked for.
  text = text.replace(
    new RegExp(`${open}([\\w-][\\w/-]*)((?:(?![>%]\\}\\})[^])*?)\\/${close}`, 'g'),
    (_m, name: string, args: string) => convertSingle(name, args),
  );
  // Paired shortcodes first, innermost first, until none is left.
  const paired = new RegExp(`${open}([\\w-][\\w/-]*)([^]*?)${close}([^]*?)${open}\\/\\s*\\1${close}`, 'g');
  for (let i = 0; i < 10 && paired.test(text); i++) {
    paired.lastIndex = 0;
    text = text.replace(paired, (_m, name: string, args: string, inner: string, offset: number, whole: string) => {
      // A block opened inside a list item (its line indented, nothing but shortcodes before it, as in
      // `  {{% /tab %}} {{% tab "B" %}}`): what it becomes stays in the item.
      const lead = whole.slice(whole.lastIndexOf('\n', offset - 1) + 1, offset);
      const pad =
        HUGO_BLOCKS.test(name) && /^[ \t]+(?:\{\{[<%][^]*?[>%]\}\}[ \t]*)*$/.test(lead) ? /^[ \t]+/.exec(lead)![0] : '';
      const trimmed =
        inner.replace(/^[ \t]*\n|\n[ \t]*$/g, '').trim() === '' ? '' : inner.replace(/^\s*\n/, '').trimEnd();
      const out = convertPaired(name, parseArgs(args.trim()), pad ? dedent(trimmed) : trimmed);
      return pad ? out.replace(/\n(?=[^\n])/g, `\n${pad}`) : out;
    });
  }
  const single = new RegExp(`${open}([\\w/-]+)([^]*?)${close}`, 'g');
  text = text.replace(single, (_m, name: string, args: string) => convertSingle(name, args));
  text = text.replace(/\uE003([^\uE003]*)\uE003/g, (_m, title: string) => bold(title));
  return restore(text, unescapeHugo);

  function convertPaired(name: string, a: ShortcodeArgs, content: string): string {
    const lower = name.toLowerCase();
    if (HUGO_CALLOUTS.test(name)) {
      const type = calloutTypeOf(a.named.type ?? a.named.color ?? a.positional[0] ?? name) ?? 'note';
      const title = a.named.title ?? (a.positional[0] && !calloutTypeOf(a.positional[0]) ? a.positional[0] : undefined);
      converted(ctx, `Hugo ${lower} -> callout`);
      return `\n:::${type}${title ? `[${title}]` : ''}\n${stripCalloutLabel(content.trim(), [type, title ?? ''])}\n:::\n`;
    }
    if (lower === 'comment') {
      removed(ctx, '{{< comment >}}: a comment for writers, removed with its text');
      return '';
    }
    if (/^(details|expand|collapse|spoiler|accordion)$/i.test(name)) {
      const title = a.named.title ?? a.named.summary ?? a.positional[0];
      // hugo-book: `{{% details "Title" open %}}`, `{{% details title="Title" open=true %}}`.
      const open = a.positional.slice(1).includes('open') || a.named.open === 'true';
      converted(ctx, `Hugo ${lower} -> collapsible callout`);
      return `\n:::details${title ? `[${label(title)}]` : ''}${open ? '{open}' : ''}\n${content.trim()}\n:::\n`;
    }
    if (lower === 'tabs' || lower === 'tabpane') {
      // Docsy's disabled tab (`{{< tab header="CLI:" disabled=true />}}`) titles the tab set: it goes above.
      const titles: string[] = [];
      const tabs = content.replace(/\uE003([^\uE003]*)\uE003\s*/g, (_t, title: string) => {
        titles.push(title);
        return '';
      });
      converted(ctx, `Hugo ${lower} -> tabs`);
      return `\n${titles.map((t) => `${bold(t)}\n\n`).join('')}:::tabs\n${tabs.trim()}\n:::\n`;
    }
    if (lower === 'tab') {
      const title = a.named.header ?? a.named.name ?? a.named.title ?? a.positional[0] ?? 'Tab';
      // Docsy's tab with `lang` holds code, unless its tabpane said `text=true` (inheritTabpaneArgs).
      const lang = a.named.text === 'true' ? undefined : a.named.lang;
      const inside =
        lang && !ONLY_FENCE.test(content) ? codeFence(restore(dedent(content), unescapeHugo), lang) : content.trim();
      converted(ctx, 'Hugo tab -> tab');
      return `\n:::tab[${label(title)}]\n${inside}\n:::\n`;
    }
    if (/^(columns|column|row|grid|card|cards|cardpane|section|group|blocks\/[\w-]+)$/i.test(name)) {
      converted(ctx, `Hugo ${lower} -> its content`);
      return `\n${content.trim()}\n`;
    }
    if (HUGO_TEXT.test(name) || HUGO_BADGES.test(name)) {
      converted(ctx, `Hugo ${lower} -> text`);
      return content.trim() || textShortcode(name, a);
    }
    if (/^(highlight|code)$/i.test(name)) {
      converted(ctx, `Hugo ${lower} -> code block`);
      // A `code` shortcode around a fence: the fence is the code block already.
      if (ONLY_FENCE.test(content)) return `\n${content.trim()}\n`;
      return `\n${codeFence(restore(dedent(content), unescapeHugo), a.named.lang ?? a.positional[0] ?? '')}\n`;
    }
    removed(ctx, `{{< ${name} >}} … {{< /${name} >}}: the markers were removed, the text inside kept`);
    return content;
  }

  function convertSingle(name: string, args: string): string {
    const a = parseArgs(args.trim());
    const lower = name.toLowerCase();
    if (lower === 'ref' || lower === 'relref') return `${REF_PREFIX}${a.positional[0] ?? a.named.path ?? ''}`;
    if (lower === 'figure' || lower === 'img' || lower === 'image' || lower === 'imgproc') {
      const src = a.named.src ?? a.positional[0] ?? '';
      const alt = a.named.alt ?? a.named.caption ?? a.named.title ?? '';
      const caption = a.named.caption && a.named.caption !== alt ? `\n\n_${a.named.caption}_` : '';
      converted(ctx, `Hugo ${lower} -> image`);
      return `![${alt}](${src})${caption}`;
    }
    if (HUGO_TEXT.test(name) || HUGO_BADGES.test(name)) {
      converted(ctx, `Hugo ${lower} -> text`);
      return textShortcode(name, a);
    }
    if (/^(youtube|vimeo)$/i.test(name)) {
      const id = a.named.id ?? a.positional[0] ?? '';
      const url = lower === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
      converted(ctx, `Hugo ${lower} -> link to the video`);
      return `[Watch the video](${url})`;
    }
    if ((lower === 'readfile' || lower === 'include') && depth < 3) {
      const included = readIncluded(ctx, a.named.file ?? a.positional[0] ?? '');
      if (included !== undefined) {
        const isCode = a.named.code === 'true' || !/\.(md|markdown)$/i.test(a.named.file ?? a.positional[0] ?? '');
        converted(ctx, `Hugo ${lower} -> the file's text`);
        return isCode
          ? `\n${codeFence(included.trimEnd(), a.named.lang ?? '')}\n`
          : convertHugoShortcodes(included, ctx, depth + 1);
      }
      ctx.counts.includesToFill.push({
        origin: ctx.origin,
        message: `{{< ${lower} "${a.named.file ?? a.positional[0] ?? ''}" >}}: the file is not in the source; write its text in`,
      });
      return '';
    }
    // A disabled tab titles its tab set (the tabs step puts it above); anywhere else it is bold text.
    if (lower === 'tab' && a.named.disabled === 'true' && a.named.header) return `\uE003${label(a.named.header)}\uE003`;
    if (lower === 'tab' || lower === 'comment') return '';
    removed(ctx, `{{< ${name} >}}: an unknown shortcode, removed`);
    return '';
  }
}

/** Text in bold, unless the writer made it bold already (`header="**Languages**:"`). */
const bold = (text: string) => (/\*\*|__/.test(text) ? text : `**${text}**`);

/** A label in `[…]` of a directive: brackets would end it early. */
const label = (text: string) => text.replace(/[[\]\n]/g, ' ').trim();

/**
 * Docsy's tabpane sets for its tabs what they do not say themselves: `text=true` (the tabs hold
 * Markdown, not code), `lang`, and `langEqualsHeader=true` (each tab's header is its language).
 * Written onto each tab's own shortcode, so the tab step, which sees one tab at a time, knows.
 */
function inheritTabpaneArgs(text: string): string {
  return text.replace(
    /(\{\{[<%]\s*tabpane\b)([^]*?)([>%]\}\})([^]*?)(\{\{[<%]\s*\/\s*tabpane\s*[>%]\}\})/g,
    (_m, start: string, args: string, end: string, inner: string, closer: string) => {
      const pane = parseArgs(args.replace(/\/\s*$/, '').trim()).named;
      const tabs = inner.replace(
        /(\{\{[<%]\s*tab\b)((?:(?![>%]\}\})[^])*?)(\s*\/?\s*[>%]\}\})/g,
        (_t, tabStart: string, tabArgs: string, tabEnd: string) => {
          const own = parseArgs(tabArgs.trim()).named;
          let extra = '';
          if (pane.text === 'true' && own.text === undefined) extra += ' text=true';
          if (own.lang === undefined) {
            const lang = pane.langEqualsHeader === 'true' ? own.header : pane.lang;
            if (lang) extra += ` lang="${lang.replace(/"/g, '')}"`;
          }
          return `${tabStart}${tabArgs}${extra}${tabEnd}`;
        },
      );
      return `${start}${args}${end}${tabs}${closer}`;
    },
  );
}

/** A file a page includes, read from the page's folder or the project's; undefined when it is not there. */
function readIncluded(ctx: TemplateContext, file: string): string | undefined {
  if (!file || file.includes('\0')) return undefined;
  for (const dir of [ctx.dir, ctx.root && path.join(ctx.root, 'content'), ctx.root]) {
    if (!dir) continue;
    const abs = path.resolve(dir, file);
    // Only files inside the source project: an include cannot read the rest of the disk.
    if (ctx.root && !abs.startsWith(path.resolve(ctx.root) + path.sep)) continue;
    if (existsSync(abs) && statSync(abs).isFile())
      return readFileSync(abs, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  }
  return undefined;
}

/** A fenced block longer than any backtick run in the code, so the code cannot end it. */
export function codeFence(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

/**
 * kramdown (and Hugo's Goldmark, loosely) read a fence opened inside a list item even when its
 * lines start further left; CommonMark would end the item there and show the rest as text. The
 * lines are moved to the fence's indentation, so the code stays code.
 */
export function reindentFences(body: string): string {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( +)(`{3,}|~{3,})/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    let j = i + 1;
    while (j < lines.length && !isFenceClose(lines[j]!, open[2]!, indent.length)) j++;
    if (j >= lines.length) break;
    for (let k = i + 1; k <= j; k++)
      if (lines[k]!.trim() && !lines[k]!.startsWith(indent)) lines[k] = indent + lines[k]!.replace(/^ +/, '');
    i = j;
  }
  return lines.join('\n');
}

/** Code as written inside a shortcode, without the indentation every line shares. */
function dedent(code: string): string {
  const lines = code.replace(/^\n+|\s+$/g, '').split('\n');
  // A masked code block's token stands at the start of its line, whatever the block's indentation: not counted.
  const indent = Math.min(
    ...lines.filter((l) => l.trim() && !ONLY_FENCE.test(l)).map((l) => /^[ \t]*/.exec(l)![0].length),
  );
  const drop = new RegExp(`^[ \\t]{0,${Number.isFinite(indent) ? indent : 0}}`);
  return lines.map((l) => l.replace(drop, '')).join('\n');
}

/**
 * A callout's body that starts with its own label ("**Warning:** Back up first" in a warning):
 * the callout shows the label already, so it would read twice.
 */
export function stripCalloutLabel(content: string, labels: string[]): string {
  const words = new Set([...labels.filter(Boolean).map((l) => l.toLowerCase()), ...CALLOUT_WORDS]);
  return content.replace(
    /^\s*(?:(?:<(?:b|strong)>|\*\*|__)\s*([\p{L}][\p{L} ]{0,19}?)\s*:?\s*(?:<\/(?:b|strong)>|\*\*|__)\s*:?|([\p{L}][\p{L} ]{0,19}?)\s*:)[ \t]*/u,
    (m, bold?: string, plain?: string) => (words.has((bold ?? plain ?? '').trim().toLowerCase()) ? '' : m),
  );
}

const CALLOUT_WORDS = ['note', 'tip', 'warning', 'important', 'caution', 'danger', 'info', 'notice', 'hint'];

function textShortcode(name: string, a: ShortcodeArgs): string {
  const lower = name.toLowerCase();
  const given = a.named.text ?? a.named.label ?? a.named.title ?? a.positional.join(' ');
  const label = name[0]!.toUpperCase() + name.slice(1).replace(/-/g, ' ');
  if (lower === 'deprecated') return `**Deprecated${given ? `: ${given}` : ''}**`;
  if (HUGO_BADGES.test(name)) return `**${given || label}**`;
  return given ? `**${given}**` : '';
}

/** Jekyll include files that are callouts (documentation themes ship note.html, warning.html...). */
const LIQUID_CALLOUT_INCLUDE = /^(note|tip|warning|important|caution|danger|callout|alert|info)\.html$/i;
const LIQUID_IMAGE_INCLUDE = /^(image|img|figure|inline_image)\.html$/i;

/** `key="value"` pairs of a Liquid include. */
function liquidArgs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  // Typographic quotes too: editors put them in, and Jekyll themes' includes were written around them.
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|“([^”]*)”)/g))
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/** Liquid (Jekyll): raw, include, link, highlight, variables, and kramdown's `{: }` attribute lists. */
export function convertLiquid(body: string, ctx: TemplateContext): string {
  // {% raw %} only tells Liquid to leave braces alone: they stay, the markers go (also in code).
  let text = body.replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '');
  text = text.replace(
    /\{%-?\s*highlight\s+(\w+)[^%]*-?%\}\n?([^]*?)\{%-?\s*endhighlight\s*-?%\}/g,
    (_m, lang: string, code: string) => {
      converted(ctx, 'Liquid highlight -> code block');
      return codeFence(code.replace(/\n$/, ''), lang);
    },
  );
  return mapProse(text, (prose) =>
    convertKramdownAttributes(
      prose
        // Alert boxes kept in _data/alerts.yml: `{{site.data.alerts.note}} text {{site.data.alerts.end}}`.
        .replace(
          /\{\{\s*site\.data\.alerts\.(\w+)\s*\}\}?([^]*?)\{\{\s*site\.data\.alerts\.end\s*\}\}/g,
          (_m, kind: string, inner: string) => {
            const type = calloutTypeOf(kind.replace(/^callout_/, '')) ?? 'note';
            converted(ctx, 'Liquid site.data.alerts -> callout');
            return `\n\n:::${type}\n${stripCalloutLabel(inner.trim(), [kind, type])}\n:::\n\n`;
          },
        )
        .replace(/\{%-?\s*(?:link|post_url)\s+([^\s%]+)\s*-?%\}/g, (_m, target: string) => `${REF_PREFIX}${target}`)
        .replace(/\{%-?\s*include(?:_relative)?\s+([^\s%]+)([^]*?)-?%\}/g, (_m, file: string, rest: string) => {
          const args = liquidArgs(rest);
          if (LIQUID_CALLOUT_INCLUDE.test(file) && args.content !== undefined) {
            const type = calloutTypeOf(args.type ?? file.replace(/\.html$/i, '')) ?? 'note';
            converted(ctx, `Liquid include ${file} -> callout`);
            const content = args.content.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n').trim();
            return `\n\n:::${type}${args.title ? `[${args.title}]` : ''}\n${stripCalloutLabel(content, [type, args.title ?? ''])}\n:::\n\n`;
          }
          if (LIQUID_IMAGE_INCLUDE.test(file) && (args.file ?? args.src ?? args.url)) {
            const src = args.file
              ? args.file.includes('/')
                ? args.file
                : `/images/${args.file}`
              : (args.src ?? args.url)!;
            converted(ctx, `Liquid include ${file} -> image`);
            const caption = args.caption ? `\n\n_${args.caption}_` : '';
            return `![${args.alt ?? args.caption ?? ''}](${src})${caption}`;
          }
          ctx.counts.includesToFill.push({
            origin: ctx.origin,
            message: `the include "${file}" held text that is not in the source; write it in`,
          });
          return `<!-- import: the old site included "${file}" here; its text is not in the source, so write it in -->`;
        })
        .replace(
          /\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)\s*-?\}\}/g,
          '$1',
        )
        .replace(/\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g, '')
        // A variable that starts a link's address leaves a path the old site made, not this one: the link is listed.
        .replace(/\]\(\s*\{\{-?\s*[\w.]+[^}]*-?\}\}/g, (m) => {
          removed(ctx, `${m.slice(2).replace(/[{}]/g, '').trim()}: a Liquid variable in a link, removed`);
          return `](${UNKNOWN_PREFIX}`;
        })
        // In an HTML attribute the same: the address is unknown.
        .replace(/(\s(?:src|href)=["'])\{\{-?\s*[\w.]+[^}]*-?\}\}/g, (m, lead: string) => {
          removed(ctx, `${m.slice(lead.length).replace(/[{}]/g, '').trim()}: a Liquid variable in an address, removed`);
          return `${lead}${UNKNOWN_PREFIX}`;
        })
        .replace(/\{\{-?\s*[\w.]+(?:\[[^\]}]*\][\w.]*)*(?:\s*\|[^}]*)?\s*-?\}\}/g, (m) => {
          removed(ctx, `${m.replace(/[{}]/g, '').trim()}: a Liquid variable, removed`);
          return '';
        })
        .replace(/\{%-?\s*(\w+)[^]*?-?%\}/g, (_m, tag: string) => {
          removed(ctx, `{% ${tag} %}: a Liquid tag, removed`);
          return '';
        }),
      ctx,
    ),
  );
}

/** A link address the import cannot know (a template variable began it): the link becomes its text. */
export const UNKNOWN_PREFIX = 'hk-unknown:';

/**
 * kramdown's attribute lists: `{: .note }` before or after a paragraph is a callout in Jekyll
 * documentation themes (Just the Docs); `{:toc}` and `{: .no_toc }` are the theme's table of
 * contents, which our pages have already; other classes were styling and are dropped.
 */
export function convertKramdownAttributes(text: string, ctx: TemplateContext): string {
  const CALLOUT = /^(note|tip|warning|important|caution|danger|highlight|new)(-title)?$/i;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const ial = /^\s*\{:\s*([^}]*)\}\s*$/.exec(line);
    if (!ial) {
      out.push(line);
      continue;
    }
    const classes = [...ial[1]!.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
    const callout = classes.find((c) => CALLOUT.test(c));
    if (/^\s*toc\s*$/i.test(ial[1]!)) {
      // `1. TOC` list item the attribute turned into the table of contents: both go.
      while (out.length && /^\s*[-*\d.]+\s*TOC\s*$/i.test(out.at(-1)!)) out.pop();
      converted(ctx, 'kramdown {:toc} -> removed (pages have their own table of contents)');
      continue;
    }
    if (callout && i + 1 < lines.length && lines[i + 1]!.trim() !== '') {
      // The attribute is before its block: the paragraph (or blockquote) after it is the callout.
      const block: string[] = [];
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') block.push(lines[++i]!.replace(/^>\s?/, ''));
      const word = callout.replace(/-title$/i, '');
      const type = calloutTypeOf(word) ?? 'note';
      const titled = /-title$/i.test(callout);
      const title = titled ? block.shift()?.trim() : undefined;
      converted(ctx, `kramdown {: .${callout} } -> callout`);
      out.push(`:::${type}${title ? `[${title}]` : ''}`, stripCalloutLabel(block.join('\n'), [word, type]), ':::');
      continue;
    }
    if (callout && out.length && out.at(-1)!.trim() !== '') {
      // After its block: the paragraph before it.
      const block: string[] = [];
      while (out.length && out.at(-1)!.trim() !== '') block.unshift(out.pop()!.replace(/^>\s?/, ''));
      const type = calloutTypeOf(callout) ?? 'note';
      converted(ctx, `kramdown {: .${callout} } -> callout`);
      out.push(`:::${type}`, stripCalloutLabel(block.join('\n'), [callout, type]), ':::');
      continue;
    }
    if (ial[1]!.trim()) converted(ctx, 'kramdown {: } attribute list -> removed (styling)');
  }
  // Inline lists at the end of a line (`## Heading {: .no_toc }`, `[Button](x){: .btn }`): styling only.
  return out.join('\n').replace(/[ \t]*\{:\s*(?:[.#][\w-]+\s*|[\w-]+="[^"]*"\s*)*\}/g, (m) => {
    const id = /#([\w-]+)/.exec(m)?.[1];
    return id ? ` {#${id}}` : '';
  });
}

/** MkDocs admonitions: `!!! note "Title"`, collapsible `???`/`???+`, body indented by four spaces. */
export function convertMkdocsAdmonitions(body: string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/.exec(lines[i]!);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    const indent = m[1]!;
    const inner: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]!.startsWith(`${indent}    `) || lines[i + 1]!.trim() === '')) {
      if (lines[i + 1]!.trim() === '' && !(lines[i + 2] ?? '').startsWith(`${indent}    `)) break;
      inner.push(lines[++i]!.slice(indent.length + 4));
    }
    const type = calloutTypeOf(m[2]!) ?? 'note';
    out.push(`${indent}:::${type}${m[3] ? `[${m[3]}]` : ''}`, ...inner.map((l) => indent + l), `${indent}:::`);
  }
  return out.join('\n');
}

/**
 * Document360's Markdown callouts, `:::(Info) (Title)` to `:::`: ours, by type. `:::(Internal)`
 * is a private note only the team saw on the old site: left out, and said.
 */
export function convertDocument360Callouts(body: string, ctx: TemplateContext): string {
  const { masked, restore } = maskCode(body);
  const lines = masked.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*):::\((\w+)\)(?:[ \t]*\(([^)]*)\))?[ \t]*$/.exec(lines[i]!);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    const [, indent, kind, title] = m as unknown as [string, string, string, string | undefined];
    const inner: string[] = [];
    while (i + 1 < lines.length && lines[i + 1]!.trim() !== ':::') inner.push(lines[++i]!);
    i++; // the closing `:::`, or the end of the page
    if (kind.toLowerCase() === 'internal') {
      removed(ctx, 'Document360 private note (:::(Internal)), seen only by the team: left out');
      continue;
    }
    const type =
      kind.toLowerCase() === 'error'
        ? 'warning'
        : kind.toLowerCase() === 'success'
          ? 'tip'
          : (calloutTypeOf(kind) ?? 'note');
    const label = title && title.trim().toLowerCase() !== kind.toLowerCase() ? `[${title.trim()}]` : '';
    converted(ctx, 'Document360 callout -> callout');
    out.push(`${indent}:::${type}${label}`, ...inner, `${indent}:::`);
  }
  return restore(out.join('\n'));
}

/** GitHub alerts: `> [!NOTE]` blockquotes (not in code: there they are examples). */
export function convertGithubAlerts(body: string, ctx?: TemplateContext): string {
  return mapProse(body, (prose) =>
    prose.replace(
      /^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n((?:>.*(?:\n|$))*)/gm,
      (_m, kind: string, rest: string) => {
        const type = kind === 'TIP' ? 'tip' : kind === 'WARNING' || kind === 'CAUTION' ? 'warning' : 'note';
        const inner = rest.replace(/^> ?/gm, '').trimEnd();
        if (ctx) converted(ctx, `GitHub alert [!${kind}] -> callout`);
        return `:::${type}\n${inner}\n:::\n`;
      },
    ),
  );
}

/**
 * Docusaurus admonitions (`:::note Title`, `:::caution`, `:::danger[Title]`) to our three kinds;
 * each is counted, also those already written as ours. Code is left alone: there they are examples.
 */
export function convertDocusaurusAdmonitions(body: string, ctx?: TemplateContext): string {
  return mapProse(body, (prose) =>
    prose.replace(
      /^(\s*):::(\w+)(?:\[([^\]]*)\]|[ \t]+(.+))?[ \t]*$/gm,
      (m, indent: string, kind: string, bracket?: string, spaced?: string) => {
        const type = calloutTypeOf(kind) ?? 'note';
        if (ctx) converted(ctx, `Docusaurus :::${kind} -> ${type} callout`);
        if ((kind === 'note' || kind === 'tip' || kind === 'warning') && !spaced) return m;
        const title = bracket ?? spaced?.trim();
        return `${indent}:::${type}${title ? `[${title}]` : ''}`;
      },
    ),
  );
}

/** MDX: imports, exports and JSX components of Docusaurus pages. Tabs keep their labels as text. */
export function convertMdx(body: string, ctx: TemplateContext): string {
  let text = body.replace(/^(?:import|export)\s.+$/gm, (m) => {
    removed(ctx, `${m.split(/\s/)[0]} line of MDX, removed`);
    return '';
  });
  text = text.replace(/<TabItem\b[^>]*?label=["']([^"']+)["'][^>]*>/g, '\n**$1**\n');
  text = text.replace(/<TabItem\b[^>]*?value=["']([^"']+)["'][^>]*>/g, '\n**$1**\n');
  text = text.replace(/<\/?(?:Tabs|TabItem|details|summary|DocCardList|BrowserWindow|Admonition)\b[^>]*>/g, (m) => {
    if (/^<\/?(Tabs|TabItem)\b/.test(m)) return '';
    if (/^<summary>/.test(m)) return '**';
    if (/^<\/summary>/.test(m)) return '**\n';
    if (/^<\/?details/.test(m)) return '';
    removed(ctx, `${m}: an MDX component, removed`);
    return '';
  });
  return text;
}

/** `<style>` blocks, HTML alert boxes and layout grids, definition lists, and `#` headings. */
export function convertHtmlAndStructure(body: string, ctx: TemplateContext, title: string): string {
  let text = body.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, () => {
    removed(ctx, '<style> block, removed (the site has its own styles)');
    return '';
  });
  // HTML blocks (a div at the start of a line, to its matching close): converted like a hosted
  // desk's HTML, which makes alert boxes callouts and lets layout grids fall away. Never in code:
  // an HTML example there is what the writer shows.
  const { masked, restore } = maskCode(text);
  const convert = (html: string): string => {
    // kramdown's `markdown="1"`: the div holds Markdown, not HTML; the div itself was layout.
    const md = /^(<div\b[^>]*\smarkdown=["']?(?:1|block)["']?[^>]*>)([\s\S]*)<\/div>\s*$/i.exec(html);
    if (md) {
      converted(ctx, 'kramdown markdown="1" block -> its Markdown');
      return replaceHtmlBlocks(md[2]!.replace(/^[ \t]*\n/, ''), convert);
    }
    // A layout div whose tag stands alone before a blank line and that holds only Markdown (and
    // bare divs): CommonMark ends the HTML block at that blank line, so the text is Markdown
    // (hugo-book's `<div class="book-hero">` around a `# heading`). Anything with other HTML, and
    // callout boxes, go through the HTML converter as before.
    const layout = /^<div\b([^>]*)>[ \t]*\n[ \t]*\n([\s\S]*?)(?:<\/div>\s*)?$/i.exec(html);
    const onlyMarkdown = (inner: string) => !inner.replace(/^[ \t]*<\/?div>[ \t]*$/gim, '').includes('<');
    if (layout && onlyMarkdown(layout[2]!) && !calloutTypeOf(/\bclass=["']?([^"'>]*)/i.exec(layout[1]!)?.[1] ?? '')) {
      converted(ctx, 'HTML layout block around Markdown -> its Markdown');
      return layout[2]!.replace(/^[ \t]*<\/?div>[ \t]*$/gim, '');
    }
    // Code inside the HTML is put back first: the converter sees the whole block as written.
    const { markdown, unsafeRemoved, altFromFileName } = htmlToMarkdown(restore(html));
    recordUnsafeHtml(ctx.counts, ctx.origin, unsafeRemoved);
    recordAltFromFileName(ctx.counts, ctx.origin, altFromFileName);
    return markdown;
  };
  text = restore(replaceHtmlBlocks(masked, convert));
  // Scripts and other raw HTML: the import's last step (sanitize-markdown.ts) sanitises and counts them.
  text = mapProse(text, (prose) => convertDefinitionLists(prose, ctx));
  return shiftHeadings(text, title);
}

function replaceHtmlBlocks(text: string, convert: (html: string) => string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^<div\b/i.test(lines[i]!)) {
      out.push(lines[i]!);
      continue;
    }
    let depth = 0;
    const block: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      block.push(lines[j]!);
      depth += (lines[j]!.match(/<div\b/gi)?.length ?? 0) - (lines[j]!.match(/<\/div>/gi)?.length ?? 0);
      if (depth <= 0) break;
    }
    // A div that never closes (its close is in a code example, or missing) is converted up to the
    // next code block, not over it: converting to the end would swallow the page's examples.
    if (depth > 0) {
      const code = block.findIndex((l, k) => k > 0 && l.includes('\uE001'));
      if (code !== -1) block.length = code;
      j = i + block.length - 1;
    }
    i = j;
    out.push('', convert(block.join('\n')), '');
  }
  return out.join('\n');
}

/**
 * `Term` then `: Definition` lines (kramdown, Pandoc, PHP Markdown Extra, Python-Markdown's
 * def_list): written in the standard form our Markdown renders as a definition list, one
 * `: ` line per definition, indented continuation lines kept.
 */
function convertDefinitionLists(text: string, ctx: TemplateContext): string {
  return text.replace(
    /^([^\s:>#|\-*].*)\n\n?((?::[ \t]+.+(?:\n(?:[ \t]{2,}.+|:[ \t]+.+))*\n?)+)/gm,
    (_m, term: string, defs: string) => {
      converted(ctx, 'definition list -> definition list');
      const items = defs.trimEnd().replace(/^:[ \t]+/gm, ': ');
      return `${term.trim()}\n${items}\n`;
    },
  );
}

/**
 * The page title is the page's only `#`: a first `# Title` equal to it is dropped, and when the
 * body still has `#` headings every heading moves one level down.
 */
export function shiftHeadings(body: string, title: string): string {
  let text = body.replace(/^\s*#[ \t]+(.+?)[ \t]*#*[ \t]*\n/, (m, heading: string) =>
    normalize(heading) === normalize(title) ? '' : m,
  );
  const hasH1 = mapProseCollect(text, /^#[ \t]/m);
  if (hasH1) text = mapProse(text, (prose) => prose.replace(/^(#{1,5})([ \t])/gm, '#$1$2'));
  return text;
}

function mapProseCollect(text: string, re: RegExp): boolean {
  let found = false;
  mapProse(text, (prose) => {
    if (re.test(prose)) found = true;
    return prose;
  });
  return found;
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when text still holds template syntax that must not reach a page. */
export function hasTemplateSyntax(text: string): boolean {
  return /\{\{[<%]|\{%/.test(text);
}
