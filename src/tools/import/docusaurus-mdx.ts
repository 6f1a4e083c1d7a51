/**
 * Docusaurus MDX in page bodies, to our Markdown: `import`/`export` lines go; `<Tabs>`/`<TabItem>`
 * (and project components that hold TabItems) become `::::tabs`/`:::tab[Label]`; `<details>` and
 * `<Admonition>` become callouts; JSX images (`useBaseUrl(...)`, `require(...)`, `<ThemedImage>`)
 * become Markdown images the image step copies from `static/`; `style={{…}}` goes. Every other
 * component is listed by name and page in the summary: paired ones keep the text inside, an inline
 * one keeps its text attributes as text, and a block one is removed. Code is never touched.
 * Directive fences are made to nest afterwards (directive-fences.ts).
 */
import { mapProse, type TemplateContext } from './template-syntax.ts';
import { calloutTypeOf } from './html-to-markdown.ts';

/** Something of Docusaurus' that became ours, for the summary: the kind is its group. */
const converted = (ctx: TemplateContext, kind: string) =>
  ctx.counts.converted.push({ origin: ctx.origin, message: kind });

/** Components whose meaning we have; everything else capitalised is a project's own. */
const TAB_CONTAINERS = /^(Tabs|ConfigTabs|CodeTabs|[A-Z]\w*Tabs)$/;
const DROPPED_SILENTLY = new Set(['DocCardList', 'TOCInline', 'Head']);

interface Imports {
  /** Component names a page imported, with where from. */
  from: Map<string, string>;
}

function readImports(body: string, ctx: TemplateContext, imports: Imports): string {
  // `import X from '…';` and `import {A, B} from '…';`, possibly over several lines, outside code.
  return body
    .replace(/^import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm, (_m, what: string, source: string) => {
      for (const name of what.replace(/[{}]/g, ' ').split(/[\s,]+/))
        if (/^[A-Z]/.test(name)) imports.from.set(name, source);
      if (!/^@theme\/|^@docusaurus\//.test(source))
        ctx.counts.templateSyntaxRemoved.push({
          origin: ctx.origin,
          message: `import of ${source}: an MDX import, removed`,
        });
      return '';
    })
    .replace(/^export\s+(?:const|default|function)\s[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*/gm, (m) => {
      ctx.counts.templateSyntaxRemoved.push({
        origin: ctx.origin,
        message: `${m.split('\n')[0]!.slice(0, 60)}: an MDX export, removed`,
      });
      return '';
    });
}

/** The value of a JSX attribute: "x", 'x', {'x'}, {"x"}, {useBaseUrl('x')}, {require('x').default}. */
function attr(tag: string, name: string): string | undefined {
  // {"a \"quoted\" word"}: a JavaScript string in braces.
  const js = new RegExp(`\\b${name}\\s*=\\s*\\{\\s*(["'])((?:\\\\.|(?!\\1)[^\\\\])*)\\1\\s*\\}`).exec(tag);
  if (js) return js[2]!.replace(/\\(.)/g, '$1');
  const m = new RegExp(
    `\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*(?:useBaseUrl\\(\\s*)?(?:require\\(\\s*)?['"\`]([^'"\`]*)['"\`]\\s*\\)?(?:\\.default)?\\s*\\)?\\s*\\})`,
  ).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** `<img src={useBaseUrl('/img/x.png')} alt="…" />` and `<ThemedImage sources={{light: …}} />` to `![alt](path)`. */
function convertImages(text: string, ctx: TemplateContext): string {
  return text
    .replace(/<ThemedImage\b[\s\S]*?\/>/g, (tag) => {
      const light = /light\s*:\s*(?:useBaseUrl\(\s*)?(?:require\(\s*)?['"`]([^'"`]+)['"`]/.exec(tag)?.[1];
      if (!light) return tag;
      converted(ctx, 'Docusaurus <ThemedImage> -> image (its light version)');
      return `<img src="${light.replace(/"/g, '%22')}" alt="${(attr(tag, 'alt') ?? '').replace(/"/g, '&quot;')}">`;
    })
    .replace(/<img\b[^>]*?\bsrc\s*=\s*\{[\s\S]*?\/?>/g, (tag) => {
      const src = attr(tag, 'src');
      if (!src) {
        ctx.counts.templateSyntaxRemoved.push({
          origin: ctx.origin,
          message: `<img> whose src is computed (${tag.slice(0, 60)}), removed`,
        });
        return '';
      }
      // Still HTML (it may sit in a link or a block of HTML); the image step copies its file.
      converted(ctx, 'Docusaurus <img src={…}> -> image');
      const alt = (attr(tag, 'alt') ?? '').replace(/"/g, '&quot;');
      return `<img src="${src.replace(/"/g, '%22')}" alt="${alt}">`;
    })
    .replace(
      /!\[([^\]]*)\]\(\s*(?:require|useBaseUrl)\(\s*['"]([^'"]+)['"]\s*\)(?:\.default)?\s*\)/g,
      (_m, alt: string, src: string) => {
        converted(ctx, 'Docusaurus ![…](require(…)) -> image');
        return `![${alt}](${src})`;
      },
    );
}

/** `style={{…}}` (an object literal, nested braces once) and other `{…}` attributes on HTML tags. */
function dropJsxAttributes(text: string, ctx: TemplateContext): string {
  return text.replace(
    /<[a-z][\w-]*\b[^<>]*?\s(?:style|ref|on[A-Z]\w*)=\{\{?(?:[^{}]|\{[^{}]*\})*\}?\}[^<>]*>/g,
    (tag) => {
      ctx.counts.templateSyntaxRemoved.push({
        origin: ctx.origin,
        message: `${/<[a-z][\w-]*/.exec(tag)![0]}> style={{…}}: JSX styles, removed (the site has its own styles)`,
      });
      return tag
        .replace(/\s(?:style|ref|on[A-Z]\w*)=\{\{?(?:[^{}]|\{[^{}]*\})*\}?\}/g, '')
        .replace(/\sclassName=/g, ' class=');
    },
  );
}

/** Labels a `<Tabs values={[{label: 'A', value: 'a'}]}>` gives its items. */
function readTabValues(tag: string, labels: Map<string, string>): void {
  for (const m of tag.matchAll(
    /\{\s*label\s*:\s*['"`]([^'"`]+)['"`]\s*,\s*value\s*:\s*['"`]([^'"`]+)['"`]|\{\s*value\s*:\s*['"`]([^'"`]+)['"`]\s*,\s*label\s*:\s*['"`]([^'"`]+)['"`]/g,
  ))
    labels.set(m[2] ?? m[3]!, m[1] ?? m[4]!);
}

/** An opening or self-closing JSX tag, attribute values may hold `>` ("Settings > Cameras") or `{…}`. */
const JSX_TAG =
  /<([A-Z]\w*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}))?)*)\s*(\/?)>/g;

const tally = (ctx: TemplateContext, seen: Map<string, number>, name: string) =>
  seen.set(name, (seen.get(name) ?? 0) + 1);

export function convertDocusaurusMdx(body: string, ctx: TemplateContext): string {
  const imports: Imports = { from: new Map() };
  const components = new Map<string, number>();
  const kept = new Map<string, string>();
  const labels = new Map<string, string>();
  const out = mapProse(body, (prose) => {
    // MDX comments, {/* … */}: notes for the old site's writers, not text for readers.
    let text = readImports(prose, ctx, imports).replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '');
    text = convertImages(text, ctx);
    text = dropJsxAttributes(text, ctx);
    // Tab containers and their items, tag by tag (code blocks between them are left alone).
    text = text.replace(JSX_TAG, (_m, name: string, attrs: string, selfClosing: string) => {
      if (name === 'TabItem') {
        const value = attr(attrs, 'value');
        const label = attr(attrs, 'label') ?? (value ? labels.get(value) : undefined) ?? value ?? 'Tab';
        converted(ctx, 'Docusaurus <TabItem> -> tab');
        return `\n:::tab[${label.replace(/[[\]]/g, '')}]\n`;
      }
      if (TAB_CONTAINERS.test(name) && !selfClosing) {
        readTabValues(attrs, labels);
        const group = attr(attrs, 'groupId');
        if (name !== 'Tabs') kept.set(name, 'holds tabs: converted to tabs');
        converted(
          ctx,
          name === 'Tabs' ? 'Docusaurus <Tabs> -> tabs' : 'Docusaurus project component holding TabItems -> tabs',
        );
        return `\n::::tabs${group ? `{group="${group.replace(/"/g, '')}"}` : ''}\n`;
      }
      if (name === 'Admonition' && !selfClosing) {
        const type = calloutTypeOf(attr(attrs, 'type') ?? 'note') ?? 'note';
        const title = attr(attrs, 'title');
        converted(ctx, 'Docusaurus <Admonition> -> callout');
        return `\n:::${type}${title ? `[${title}]` : ''}\n`;
      }
      if (DROPPED_SILENTLY.has(name) || name === 'Details' || name === 'BrowserWindow') {
        if (name === 'Details' && !selfClosing) {
          converted(ctx, 'Docusaurus <Details> -> collapsible callout');
          return `\n:::details[${attr(attrs, 'summary') ?? 'Details'}]\n`;
        }
        if (name === 'BrowserWindow') return '';
        tally(ctx, components, name);
        kept.set(name, 'a list the old site generated, removed');
        return '';
      }
      tally(ctx, components, name);
      if (!selfClosing) {
        // A titled block (<FaqItem id question>, <Card title>): its title is a heading, with its id as anchor.
        const heading = ['question', 'title', 'heading', 'label', 'summary'].map((a) => attr(attrs, a)).find(Boolean);
        const id = attr(attrs, 'id');
        kept.set(
          name,
          heading ? 'its title became a heading, the text inside kept' : 'its tags removed, the text inside kept',
        );
        return heading ? `\n### ${heading.replace(/\n/g, ' ')}${id && /^[\w-]+$/.test(id) ? ` {#${id}}` : ''}\n` : '';
      }
      // An inline component (in a sentence) keeps the text it was given; a block one has none here.
      const words = [
        ...attrs.matchAll(
          /\b(?!id\b|className\b|style\b|src\b|href\b|width\b|height\b)\w+\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
        ),
      ]
        .map((a) => a[1] ?? a[2])
        .filter(Boolean);
      kept.set(
        name,
        words.length ? 'replaced by the text of its attributes' : 'removed: what it showed is not in the source',
      );
      return words.length ? `**${words.join(' ')}**` : '';
    });
    text = text.replace(/<\/([A-Z]\w*)>/g, (_m, name: string) => {
      if (name === 'TabItem' || name === 'Admonition' || name === 'Details') return '\n:::\n';
      if (TAB_CONTAINERS.test(name)) return '\n::::\n';
      return '';
    });
    // HTML <details>: a collapsible callout with its <summary> as the label.
    text = text
      .replace(/<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>/g, (_m, summary: string) => {
        converted(ctx, 'HTML <details> -> collapsible callout');
        return `\n:::details[${summary
          .replace(/<[^>]+>/g, '')
          .replace(/[[\]\n]/g, ' ')
          .trim()}]\n`;
      })
      .replace(/<details\b[^>]*>/g, () => {
        converted(ctx, 'HTML <details> -> collapsible callout');
        return '\n:::details\n';
      })
      .replace(/<\/details>/g, '\n:::\n');
    return text;
  });
  for (const [name, count] of components) {
    const where = imports.from.get(name);
    ctx.counts.templateSyntaxRemoved.push({
      origin: ctx.origin,
      message: `<${name}>${count > 1 ? ` ×${count}` : ''}: ${where ? `a component from ${where}` : 'an MDX component'}, ${kept.get(name) ?? 'removed'}`,
    });
  }
  for (const [name, what] of kept)
    if (!components.has(name))
      ctx.counts.templateSyntaxRemoved.push({ origin: ctx.origin, message: `<${name}>: ${what}` });
  return out.replace(/\n{3,}/g, '\n\n');
}
