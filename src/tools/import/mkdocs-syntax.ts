/**
 * MkDocs (Material, pymdownx) syntax in page bodies, to our Markdown:
 * - content tabs `=== "Label"` (body indented four spaces) become `::::tabs` / `:::tab[Label]`;
 * - pymdownx.blocks (`/// tab | Label`, `/// note | Title`, `/// admonition`, `/// details`,
 *   `/// define`, `/// caption` … closed by `///`) become the same tabs, callouts, collapsible
 *   callouts and definition lists; a caption becomes an italic line;
 * - admonitions `!!! type "Title"`, collapsible `??? type` (closed) and `???+ type` (open), with
 *   no type, extra words (`!!! note inline end`), inside lists and tabs, become callouts;
 * - attr_list: `## Title { #id .class }` keeps its id as `{#id}`; other `{ .class }` lists go;
 * - abbreviations `*[HTML]: …` (and those a snippet appends to every page) become a definition
 *   list at the end of the pages that use them;
 * - snippets `--8<-- "file"` and `{!file!}` are replaced by the file (see resolveSnippet).
 * Code blocks stay as written, except snippets, which pymdownx also fills in code.
 */
import { createCodeTracker } from './directive-fences.ts';
import { calloutTypeOf } from './html-to-markdown.ts';
import { mapProse, type TemplateContext } from './template-syntax.ts';

export interface MkdocsContext extends TemplateContext {
  /** The text of a snippet, by the name written in the page; undefined when it is not in the source. */
  readSnippet: (name: string) => string | undefined;
}

const ADMONITION = /^(\s*)(!!!|\?\?\?\+?)(?:[ \t]+([\w-]+(?:[ \t]+[\w-]+)*))?(?:[ \t]+"([^"]*)")?[ \t]*$/;
const TAB = /^(\s*)===([!+]{0,2})[ \t]+"([^"]*)"[ \t]*$/;

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/** The lines indented past `indent` (blank lines inside included) after line `start`. */
function takeBlock(lines: string[], start: number, indent: number): { inner: string[]; end: number } {
  const inner: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      // A blank line belongs to the block only if the block goes on after it.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next === undefined || indentOf(next) < indent + 4) break;
      inner.push('');
      continue;
    }
    if (indentOf(line) < indent + 4) break;
    inner.push(line.slice(Math.min(indent + 4, indentOf(line))));
  }
  return { inner, end: i - 1 };
}

/** Something of MkDocs' that became ours, for the summary: the kind is its group. */
function converted(ctx: TemplateContext | undefined, kind: string): void {
  ctx?.counts.converted.push({ origin: ctx.origin, message: kind });
}

/** Admonitions and content tabs, at any depth (each block's body is converted the same way). */
export function convertMkdocsBlocks(body: string, ctx?: TemplateContext): string {
  const lines = body.split('\n');
  const out: string[] = [];
  const isCode = createCodeTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isCode(line)) {
      out.push(line);
      continue;
    }
    const a = ADMONITION.exec(line);
    if (a) {
      const pad = a[1]!;
      const { inner, end } = takeBlock(lines, i, pad.length);
      i = end;
      const word = a[3]?.split(/[ \t]+/)[0];
      const type = (word && calloutTypeOf(word)) || 'note';
      // MkDocs titles a block by its type word when no title is given ("Example", "Abstract").
      const title = a[4] ?? (word && word !== type ? word[0]!.toUpperCase() + word.slice(1) : undefined);
      const attrs = a[2] === '???' ? '{collapsed}' : a[2] === '???+' ? '{open}' : '';
      const name = a[2] !== '!!!' && !word ? 'details' : type;
      converted(ctx, `MkDocs ${a[2]} admonition -> ${attrs ? 'collapsible callout' : 'callout'}`);
      out.push(`${pad}:::${name}${title ? `[${title.replace(/[[\]]/g, '')}]` : ''}${attrs}`);
      out.push(...indentLines(convertMkdocsBlocks(inner.join('\n'), ctx), pad), `${pad}:::`);
      continue;
    }
    const t = TAB.exec(line);
    if (t) {
      const pad = t[1]!;
      out.push(`${pad}:::tabs`);
      converted(ctx, 'MkDocs === "Tab" content tabs -> tabs');
      let j = i;
      for (;;) {
        const m = TAB.exec(lines[j]!)!;
        const { inner, end } = takeBlock(lines, j, pad.length);
        out.push(
          `${pad}:::tab[${m[3]!.replace(/[[\]]/g, '')}]`,
          ...indentLines(convertMkdocsBlocks(inner.join('\n'), ctx), pad),
          `${pad}:::`,
        );
        j = end + 1;
        // The next tab of the same set: after blank lines, at the same indent, not a new set (`===!`).
        while (j < lines.length && lines[j]!.trim() === '') j++;
        const next = j < lines.length ? TAB.exec(lines[j]!) : null;
        if (!next || next[1] !== pad || next[2]!.includes('!')) break;
      }
      out.push(`${pad}:::`, '');
      i = j - 1;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** `/// name | Title` (three slashes or more; an outer block has more than those it holds). */
const SLASH_OPEN = /^([ \t]*)(\/{3,})[ \t]*([\w-]+)(?:[ \t]*\|[ \t]*(.*?))?[ \t]*$/;

interface SlashBlock {
  name: string;
  title?: string;
  /** The block's options, the YAML lines indented under its first line (`type: warning`, `open: true`). */
  options: Record<string, string>;
  body: string[];
}

/** The block opened at line `start`, and the index of its closing line (or the last line, unclosed). */
function readSlashBlock(lines: string[], start: number): { block: SlashBlock; end: number } {
  const [, pad, slashes, name, title] = SLASH_OPEN.exec(lines[start]!)!;
  const options: Record<string, string> = {};
  let i = start + 1;
  for (; i < lines.length; i++) {
    const option = new RegExp(`^${pad} {4,}([\\w-]+):[ \t]*(.*?)[ \t]*$`).exec(lines[i]!);
    if (!option) break;
    options[option[1]!.toLowerCase()] = option[2]!.replace(/^["']|["']$/g, '');
  }
  const body: string[] = [];
  const isCode = createCodeTracker();
  const close = new RegExp(`^[ \t]*${slashes}[ \t]*$`);
  // A block inside with as many slashes closes first (writers usually give the outer one more).
  let depth = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isCode(line)) {
      if (close.test(line) && depth-- === 0) break;
      if (SLASH_OPEN.exec(line)?.[2] === slashes) depth++;
    }
    body.push(line.startsWith(pad!) ? line.slice(pad!.length) : line.trimStart());
  }
  return {
    block: { name: name!.toLowerCase(), title: title || undefined, options, body },
    end: Math.min(i, lines.length - 1),
  };
}

const isTrue = (value: string | undefined) => /^(true|yes|on)$/i.test(value ?? '');

/**
 * pymdownx.blocks `/// name | Title` … `///`, outside code, at any depth: tabs (consecutive ones
 * are one set, `new: true` starts another), admonitions, details, definitions, captions and html
 * wrappers. Unknown blocks keep their text and are listed. Written with three colons: the fences
 * are made to nest afterwards (directive-fences.ts).
 */
export function convertSlashBlocks(body: string, ctx?: TemplateContext): string {
  const lines = body.split('\n');
  const out: string[] = [];
  const isCode = createCodeTracker();
  let tabSet: { pad: string; at: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = isCode(line) ? null : SLASH_OPEN.exec(line);
    if (!open) {
      // A tab set ends at the first line that is neither blank nor another tab.
      if (tabSet && line.trim() !== '') {
        closeTabs(out, tabSet);
        tabSet = undefined;
      }
      out.push(line);
      continue;
    }
    const pad = open[1]!;
    const { block, end } = readSlashBlock(lines, i);
    i = end;
    const inner = indentLines(convertSlashBlocks(block.body.join('\n'), ctx), pad);
    if (block.name === 'tab') {
      if (tabSet && (tabSet.pad !== pad || isTrue(block.options.new))) {
        closeTabs(out, tabSet);
        tabSet = undefined;
      }
      if (!tabSet) {
        // Blank lines between the tabs of one set go: text between tabs is not a tab.
        tabSet = { pad, at: out.length };
        out.push(`${pad}:::tabs`);
        converted(ctx, 'MkDocs /// tab blocks -> tabs');
      } else while (out.length > tabSet.at + 1 && out.at(-1)!.trim() === '') out.pop();
      out.push(`${pad}:::tab[${label(block.title ?? 'Tab')}]`, ...inner, `${pad}:::`);
      continue;
    }
    if (tabSet) {
      closeTabs(out, tabSet);
      tabSet = undefined;
    }
    out.push(...convertSlashBlock(block, inner, pad, ctx));
  }
  if (tabSet) closeTabs(out, tabSet);
  return out.join('\n');
}

function closeTabs(out: string[], tabSet: { pad: string }): void {
  // The blank lines after the last tab stay after the set.
  const blanks: string[] = [];
  while (out.at(-1)?.trim() === '') blanks.push(out.pop()!);
  out.push(`${tabSet.pad}:::`, ...blanks);
}

const label = (text: string) => text.replace(/[[\]]/g, '').trim();

/** One block other than a tab, as lines of ours. */
function convertSlashBlock(block: SlashBlock, inner: string[], pad: string, ctx?: TemplateContext): string[] {
  const title = block.title ? `[${label(block.title)}]` : '';
  if (block.name === 'details') {
    const type = block.options.type ? calloutTypeOf(block.options.type) : undefined;
    const open = isTrue(block.options.open);
    converted(ctx, 'MkDocs /// details -> collapsible callout');
    return [
      type && type !== 'note'
        ? `${pad}:::${type}${title}${open ? '{open}' : '{collapsed}'}`
        : `${pad}:::details${title}${open ? '{open}' : ''}`,
      ...inner,
      `${pad}:::`,
    ];
  }
  const type =
    block.name === 'admonition' ? (calloutTypeOf(block.options.type ?? 'note') ?? 'note') : calloutTypeOf(block.name);
  if (type) {
    converted(ctx, `MkDocs /// ${block.name === 'admonition' ? 'admonition' : block.name} -> callout`);
    return [`${pad}:::${type}${title}`, ...inner, `${pad}:::`];
  }
  if (block.name === 'define') {
    converted(ctx, 'MkDocs /// define -> definition list');
    return defineToDefinitionList(inner);
  }
  if (/^(caption|figure-caption|table-caption)$/.test(block.name)) {
    converted(ctx, `MkDocs /// ${block.name} -> italic caption`);
    const text = inner
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
    return text ? [`${pad}_${text}_`] : [];
  }
  if (block.name === 'html') {
    converted(ctx, 'MkDocs /// html wrapper -> its content');
    return inner;
  }
  ctx?.counts.templateSyntaxRemoved.push({
    origin: ctx.origin,
    message: `/// ${block.name}: an unknown MkDocs block, its markers removed, the text inside kept`,
  });
  return inner;
}

/**
 * pymdownx.blocks.definition: a paragraph is a term, the list after it its definitions. Written as
 * `Term` and `: Definition` lines (remark-definition-lists.ts); continuation lines stay indented.
 */
function defineToDefinitionList(lines: string[]): string[] {
  const out: string[] = [];
  let inDefinition = false;
  for (const line of lines) {
    const item = /^(\s*)[-*+][ \t]+(.*)$/.exec(line);
    if (item) {
      // A definition follows its term (or the definition before) on the next line.
      while (out.length && out.at(-1)!.trim() === '') out.pop();
      out.push(`${item[1]}: ${item[2]}`);
      inDefinition = true;
    } else if (inDefinition && /^\s+\S/.test(line)) out.push(`  ${line.trim()}`);
    else {
      if (line.trim()) inDefinition = false;
      out.push(line);
    }
  }
  return out;
}

const indentLines = (text: string, pad: string) => text.split('\n').map((l) => (l ? pad + l : l));

/** attr_list: `{ #id .class key=value }` after headings, links, images and on lines of their own. */
export function convertAttrLists(body: string, ctx?: TemplateContext): string {
  const list = String.raw`\{:?[ \t]*((?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)|[ \t])+)\}`;
  const styling = () => {
    converted(ctx, 'MkDocs attr_list { .class } -> removed (styling)');
    return '';
  };
  return mapProse(body, (prose) =>
    prose
      .replace(new RegExp(`^(#{1,6}[ \\t].*?)[ \\t]*${list}[ \\t]*$`, 'gm'), (_m, heading: string, attrs: string) => {
        const id = /(?:^|\s)#([\w:-]+)|(?:^|\s)id=["']?([\w:-]+)/.exec(attrs)?.slice(1).find(Boolean);
        converted(
          ctx,
          id ? 'MkDocs attr_list { #id } -> heading id {#id}' : 'MkDocs attr_list { .class } -> removed (styling)',
        );
        return id ? `${heading} {#${id}}` : heading;
      })
      .replace(new RegExp(`^[ \\t]*${list}[ \\t]*$`, 'gm'), styling)
      .replace(new RegExp(`([)\\]>*_\`])${list}`, 'g'), (_m, before: string) => before + styling()),
  );
}

/** `*[ABBR]: meaning` lines: taken out, and listed as a definition list on pages that use them. */
export function convertAbbreviations(
  body: string,
  common?: Map<string, string>,
  own = new Map<string, string>(),
  ctx?: TemplateContext,
): string {
  let text = mapProse(body, (prose) =>
    prose.replace(/^\*\[([^\]]+)\]:[ \t]*(.*)$\n?/gm, (_m, abbr: string, meaning: string) => {
      own.set(abbr, meaning.trim());
      return '';
    }),
  );
  const all = new Map([...(common ?? []), ...own]);
  if (all.size === 0) return text;
  const prose: string[] = [];
  mapProse(text, (p) => {
    prose.push(p);
    return p;
  });
  const words = prose.join('\n');
  const used = [...all].filter(
    ([abbr, meaning]) => meaning && new RegExp(`(?<![\\w-])${escapeRegExp(abbr)}(?![\\w-])`).test(words),
  );
  if (used.length === 0) return text;
  converted(ctx, 'MkDocs abbreviations *[ABBR] -> definition list');
  text = `${text.trimEnd()}\n\n## Abbreviations\n\n${used.map(([abbr, meaning]) => `${abbr}\n: ${meaning}`).join('\n\n')}\n`;
  return text;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** pymdownx.snippets `--8<-- "file"` (one line, or a block of file names) and markdown-include `{!file!}`. */
export function fillSnippets(body: string, ctx: MkdocsContext, depth = 0): string {
  const fill = (name: string, pad: string): string => {
    const clean = name.trim().replace(/^["']|["']$/g, '');
    if (!clean || clean.startsWith(';')) return '';
    const text = depth < 4 ? ctx.readSnippet(clean) : undefined;
    if (text === undefined) {
      ctx.counts.includesToFill.push({
        origin: ctx.origin,
        message: `the snippet "${clean}" is not in the source; write its text in`,
      });
      return `${pad}<!-- import: the old site included "${clean}" here; it is not in the source, so write it in -->`;
    }
    return indentLines(fillSnippets(text.replace(/\n$/, ''), ctx, depth + 1), pad).join('\n');
  };
  return body
    .replace(
      /^([ \t]*)-{1,}8<-{1,}[ \t]*\n((?:[ \t]*[^\s-][^\n]*\n)*?)[ \t]*-{1,}8<-{1,}[ \t]*$/gm,
      (_m, pad: string, names: string) =>
        names
          .split('\n')
          .filter((n) => n.trim())
          .map((n) => fill(n, pad))
          .join('\n'),
    )
    .replace(/^([ \t]*)-{1,}8<-{1,}[ \t]+(["'][^"'\n]+["']|\S+)[ \t]*$/gm, (_m, pad: string, name: string) =>
      fill(name, pad),
    )
    .replace(/^([ \t]*)\{!\s*([^!\n]+?)\s*!\}[ \t]*$/gm, (_m, pad: string, name: string) => fill(name, pad));
}

/**
 * md_in_html: `<div class="grid cards" markdown>` … `</div>` holds Markdown; the wrapper (a theme's
 * layout) goes and its Markdown stays, so the HTML step does not flatten it into one paragraph.
 */
export function unwrapMarkdownHtml(body: string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  const stack: Array<{ tag: string; depth: number }> = [];
  const isCode = createCodeTracker();
  for (const line of lines) {
    if (isCode(line)) {
      out.push(line);
      continue;
    }
    const open = /^\s*<(div|section|article|span|p|figure|aside)\b[^>]*\smarkdown(?:=["']?\w+["']?)?[^>]*>\s*$/i.exec(
      line,
    );
    if (open) {
      stack.push({ tag: open[1]!.toLowerCase(), depth: 0 });
      out.push('');
      continue;
    }
    const top = stack.at(-1);
    if (top) {
      const opens = line.match(new RegExp(`<${top.tag}\\b`, 'gi'))?.length ?? 0;
      if (new RegExp(`^\\s*</${top.tag}>\\s*$`, 'i').test(line) && top.depth === 0) {
        stack.pop();
        out.push('');
        continue;
      }
      top.depth += opens - (line.match(new RegExp(`</${top.tag}>`, 'gi'))?.length ?? 0);
    }
    // Lines inside were indented for the HTML, not as code.
    out.push(stack.length ? line.replace(new RegExp(`^ {0,${2 * stack.length}}`), '') : line);
  }
  return out.join('\n');
}

/** Material's icon shortcodes (`:material-clock-fast:`, `:fontawesome-brands-js:`): the site has no icon font. */
export function dropIconShortcodes(body: string, ctx: TemplateContext): string {
  let n = 0;
  const text = mapProse(body, (prose) =>
    prose.replace(/:(?:material|fontawesome|octicons|simple)-[\w-]+:(?:\{[^}\n]*\})?/g, () => {
      n++;
      return '';
    }),
  );
  if (n)
    ctx.counts.templateSyntaxRemoved.push({
      origin: ctx.origin,
      message: `${n} icon shortcode${n > 1 ? 's' : ''} (:material-…:), removed`,
    });
  return text;
}

/** Snippets, blocks and attribute lists, in the order MkDocs applies them (abbreviations: convertAbbreviations). */
export function convertMkdocs(body: string, ctx: MkdocsContext): string {
  let text = fillSnippets(body, ctx);
  text = unwrapMarkdownHtml(text);
  text = dropIconShortcodes(text, ctx);
  text = convertSlashBlocks(text, ctx);
  text = convertMkdocsBlocks(text, ctx);
  // Abbreviations come last (convertAbbreviations), after the page's other conversions.
  return convertAttrLists(text, ctx);
}
