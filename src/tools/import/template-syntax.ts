/**
 * Other generators' syntax in Markdown bodies, turned into ours or into plain text: Hugo
 * shortcodes, Liquid tags, MkDocs admonitions, GitHub alerts, Docusaurus admonitions and MDX,
 * Bootstrap alert boxes, definition lists, `<style>` blocks and `#` headings. Code blocks and
 * inline code are left exactly as written (their braces are examples, not templates). What is
 * removed is counted with the file, for the summary.
 */
import { calloutTypeOf, htmlToMarkdown, recordUnsafeHtml } from './html-to-markdown.ts';
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
  let code: string[] = [];
  const flushProse = () => {
    if (prose.length) out.push(mapInlineProse(prose.join('\n'), fn));
    prose = [];
  };
  for (const line of lines) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) {
      flushProse();
      fence = m[1]![0]!.repeat(m[1]!.length);
      code = [line];
    } else if (fence !== undefined) {
      code.push(line);
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) {
        out.push(code.join('\n'));
        fence = undefined;
      }
    } else prose.push(line);
  }
  if (fence !== undefined) out.push(code.join('\n'));
  flushProse();
  return out.join('\n');
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
}

function removed(ctx: TemplateContext, what: string): void {
  ctx.counts.templateSyntaxRemoved.push({ origin: ctx.origin, message: what });
}

/** Hugo shortcodes: `{{< name args >}}`, `{{% name %}}`, paired with `{{< /name >}}`. */
export function convertHugoShortcodes(body: string, ctx: TemplateContext): string {
  const open = String.raw`\{\{[<%]\s*`;
  const close = String.raw`\s*[>%]\}\}`;
  let text = body;
  // Paired shortcodes first, innermost first, until none is left.
  const paired = new RegExp(`${open}([\\w-]+)([^]*?)${close}([^]*?)${open}\\/\\1${close}`, 'g');
  for (let i = 0; i < 10 && paired.test(text); i++) {
    paired.lastIndex = 0;
    text = text.replace(paired, (_m, name: string, args: string, inner: string) => {
      const a = parseArgs(args.trim());
      const content = inner.trim();
      if (HUGO_CALLOUTS.test(name)) {
        const type = calloutTypeOf(a.named.type ?? a.positional[0] ?? name) ?? 'note';
        const title =
          a.named.title ?? (a.positional[0] && !calloutTypeOf(a.positional[0]) ? a.positional[0] : undefined);
        return `\n:::${type}${title ? `[${title}]` : ''}\n${content}\n:::\n`;
      }
      if (/^(details|expand|collapse|spoiler|accordion)$/i.test(name)) {
        const title = a.named.title ?? a.named.summary ?? a.positional[0];
        return `\n${title ? `**${title}**\n\n` : ''}${content}\n`;
      }
      if (/^(tab|tabs|columns|column|row|grid|card|cards|section|group)$/i.test(name)) {
        const title = a.named.name ?? a.named.title ?? a.positional[0];
        return `\n${name.toLowerCase() === 'tab' && title ? `**${title}**\n\n` : ''}${content}\n`;
      }
      if (HUGO_TEXT.test(name)) return content || textShortcode(name, a);
      if (/^(highlight|code)$/i.test(name)) return `\n\`\`\`${a.positional[0] ?? ''}\n${content}\n\`\`\`\n`;
      removed(ctx, `{{< ${name} >}} … {{< /${name} >}}: the markers were removed, the text inside kept`);
      return content;
    });
  }
  const single = new RegExp(`${open}([\\w/-]+)([^]*?)${close}`, 'g');
  text = text.replace(single, (_m, name: string, args: string) => {
    const a = parseArgs(args.trim());
    const lower = name.toLowerCase();
    if (lower === 'ref' || lower === 'relref') return `${REF_PREFIX}${a.positional[0] ?? a.named.path ?? ''}`;
    if (lower === 'figure' || lower === 'img' || lower === 'image') {
      const src = a.named.src ?? a.positional[0] ?? '';
      const alt = a.named.alt ?? a.named.caption ?? a.named.title ?? '';
      const caption = a.named.caption && a.named.caption !== alt ? `\n\n_${a.named.caption}_` : '';
      return `![${alt}](${src})${caption}`;
    }
    if (HUGO_TEXT.test(name)) return textShortcode(name, a);
    if (/^(youtube|vimeo)$/i.test(name)) {
      const id = a.named.id ?? a.positional[0] ?? '';
      const url = lower === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
      return `[Watch the video](${url})`;
    }
    removed(ctx, `{{< ${name} >}}: an unknown shortcode, removed`);
    return '';
  });
  return text;
}

function textShortcode(name: string, a: ShortcodeArgs): string {
  const lower = name.toLowerCase();
  const given = a.named.text ?? a.named.label ?? a.named.title ?? a.positional.join(' ');
  if (lower === 'deprecated') return `**Deprecated${given ? `: ${given}` : ''}**`;
  if (lower === 'beta' || lower === 'new') return `**${given || name[0]!.toUpperCase() + name.slice(1)}**`;
  return given ? `**${given}**` : '';
}

/** Liquid (Jekyll): raw, include, link, highlight, variables. */
export function convertLiquid(body: string, ctx: TemplateContext): string {
  // {% raw %} only tells Liquid to leave braces alone: they stay, the markers go (also in code).
  let text = body.replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '');
  text = text.replace(
    /\{%-?\s*highlight\s+(\w+)[^%]*-?%\}\n?([^]*?)\{%-?\s*endhighlight\s*-?%\}/g,
    (_m, lang: string, code: string) => `\`\`\`${lang}\n${code.replace(/\n$/, '')}\n\`\`\``,
  );
  return mapProse(text, (prose) =>
    prose
      .replace(/\{%-?\s*(?:link|post_url)\s+([^\s%]+)\s*-?%\}/g, (_m, target: string) => `${REF_PREFIX}${target}`)
      .replace(/\{%-?\s*include(?:_relative)?\s+([^\s%]+)[^%]*-?%\}/g, (_m, file: string) => {
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
      .replace(/\{\{-?\s*(?:page|site|include|layout)\.[\w.]+[^}]*-?\}\}/g, (m) => {
        removed(ctx, `${m.replace(/[{}]/g, '').trim()}: a Liquid variable, removed`);
        return '';
      })
      .replace(/\{%-?\s*(\w+)[^%]*-?%\}/g, (_m, tag: string) => {
        removed(ctx, `{% ${tag} %}: a Liquid tag, removed`);
        return '';
      }),
  );
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

/** GitHub alerts: `> [!NOTE]` blockquotes. */
export function convertGithubAlerts(body: string): string {
  return body.replace(
    /^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n((?:>.*(?:\n|$))*)/gm,
    (_m, kind: string, rest: string) => {
      const type = kind === 'TIP' ? 'tip' : kind === 'WARNING' || kind === 'CAUTION' ? 'warning' : 'note';
      const inner = rest.replace(/^> ?/gm, '').trimEnd();
      return `:::${type}\n${inner}\n:::\n`;
    },
  );
}

/** Docusaurus admonitions (`:::note Title`, `:::caution`, `:::danger[Title]`) to our three kinds. */
export function convertDocusaurusAdmonitions(body: string): string {
  return body.replace(
    /^(\s*):::(\w+)(?:\[([^\]]*)\]|[ \t]+(.+))?[ \t]*$/gm,
    (m, indent: string, kind: string, bracket?: string, spaced?: string) => {
      if (kind === 'note' || kind === 'tip' || kind === 'warning') {
        if (!spaced) return m;
      }
      const type = calloutTypeOf(kind) ?? 'note';
      const title = bracket ?? spaced?.trim();
      return `${indent}:::${type}${title ? `[${title}]` : ''}`;
    },
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
  // desk's HTML, which makes alert boxes callouts and lets layout grids fall away.
  text = replaceHtmlBlocks(text, (html) => {
    const { markdown, unsafeRemoved } = htmlToMarkdown(html);
    recordUnsafeHtml(ctx.counts, ctx.origin, unsafeRemoved);
    return markdown;
  });
  // Scripts and other raw HTML: the import's last step (sanitize-markdown.ts) sanitises and counts them.
  text = convertDefinitionLists(text);
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
    for (; i < lines.length; i++) {
      block.push(lines[i]!);
      depth += (lines[i]!.match(/<div\b/gi)?.length ?? 0) - (lines[i]!.match(/<\/div>/gi)?.length ?? 0);
      if (depth <= 0) break;
    }
    out.push('', convert(block.join('\n')), '');
  }
  return out.join('\n');
}

/** `Term` then `: Definition` lines (kramdown, Pandoc, PHP Markdown Extra) to a bold term and its text. */
function convertDefinitionLists(text: string): string {
  return text.replace(/^([^\s:>#|\-*].*)\n((?::[ \t]+.+\n?)+)/gm, (_m, term: string, defs: string) => {
    const items = defs
      .trimEnd()
      .split('\n')
      .map((d) => d.replace(/^:[ \t]+/, ''));
    return `**${term.trim()}**\n\n${items.join('\n\n')}\n`;
  });
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
