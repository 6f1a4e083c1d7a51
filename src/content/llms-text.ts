/**
 * The help center for assistants, as text: `/llms.txt` in the llmstxt.org format (an H1 title, a
 * blockquote summary, then one H2 section per topic listing its pages as Markdown links),
 * `/llms-full.txt` (every page's Markdown in one file) and the Markdown copy of each article and
 * FAQ answer. Pure: records in, strings out.
 */
import type { HelpRecord } from './help-records.ts';

export interface LlmsSite {
  name: string;
  /** The production URL with the deployment base, e.g. "https://help.example.com/help" (no trailing slash). */
  siteUrl: string;
}

/** An absolute URL of a site path. */
export const getAbsoluteUrl = (site: LlmsSite, sitePath: string) => `${site.siteUrl}${sitePath}`;

/** The name of the llms.txt section that links the other languages' files (not pages). */
export const LANGUAGES_SECTION = 'Other languages';

/** Markdown link text: brackets and backslashes escaped, one line. */
const linkText = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);

function getSummary(site: LlmsSite, records: readonly HelpRecord[]): string {
  const articles = records.filter((r) => r.kind === 'article').length;
  const faqs = records.length - articles;
  const topics = new Set(records.map((r) => r.category)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${site.name}: ${plural(articles, 'help article')} and ${plural(faqs, 'answered question')} in ${plural(topics, 'topic')}.`;
}

/** Another language's llms.txt, listed at the end of each language's file. */
export interface LlmsLanguage {
  /** The language's own name ("Deutsch"). */
  label: string;
  code: string;
  /** Its URL prefix without slashes ("de"); empty for the default language. */
  prefix: string;
}

/** The site path of a language's llms.txt or llms-full.txt ("" prefix: the default language's). */
export const getLlmsPath = (prefix: string, file: 'llms.txt' | 'llms-full.txt') =>
  prefix ? `/${prefix}/${file}` : `/${file}`;

/**
 * `/llms.txt` (or `/<locale>/llms.txt`): title, summary, per topic the Markdown copies of its
 * articles and FAQs, and a last section linking the other languages' files.
 */
export function buildLlmsTxt(
  site: LlmsSite,
  records: readonly HelpRecord[],
  options: { prefix?: string; otherLanguages?: readonly LlmsLanguage[] } = {},
): string {
  const prefix = options.prefix ?? '';
  const lines = [
    `# ${site.name}`,
    '',
    `> ${getSummary(site, records)}`,
    '',
    `Each link is the Markdown copy of a page. Every page in one file: ${getAbsoluteUrl(site, getLlmsPath(prefix, 'llms-full.txt'))}`,
  ];
  let category = '';
  for (const r of records) {
    if (r.category !== category) {
      category = r.category;
      lines.push('', `## ${r.categoryTitle}`, '');
    }
    const title = r.kind === 'faq' ? `FAQ: ${r.title}` : r.title;
    const notes = r.description ? `: ${r.description.replace(/\s+/g, ' ')}` : '';
    lines.push(`- [${linkText(title)}](${getAbsoluteUrl(site, r.markdownPath)})${notes}`);
  }
  if (options.otherLanguages?.length) {
    lines.push('', `## ${LANGUAGES_SECTION}`, '');
    for (const l of options.otherLanguages)
      lines.push(
        `- [${linkText(l.label)}](${getAbsoluteUrl(site, getLlmsPath(l.prefix, 'llms.txt'))}): the help center in ${l.code}; every page in one file: ${getAbsoluteUrl(site, getLlmsPath(l.prefix, 'llms-full.txt'))}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown copy of one article or FAQ: its title as H1, the description, the page URL, the body. */
export function buildRecordMarkdown(site: LlmsSite, record: HelpRecord): string {
  const head = [`# ${record.title.replace(/\s+/g, ' ')}`, ''];
  if (record.description) head.push(`> ${record.description.replace(/\s+/g, ' ')}`, '');
  head.push(`Source: ${getAbsoluteUrl(site, record.path)}`, '');
  return `${head.join('\n')}\n${record.markdown}\n`;
}

/** `/llms-full.txt`: the title and summary, then every page's Markdown copy, separated by rules. */
export function buildLlmsFullTxt(site: LlmsSite, records: readonly HelpRecord[]): string {
  const parts = [`# ${site.name}\n\n> ${getSummary(site, records)}\n`];
  for (const r of records) parts.push(buildRecordMarkdown(site, r).replace(/^# /, '## '));
  return parts.join('\n---\n\n');
}

/** One link of a parsed llms.txt section. */
export interface LlmsLink {
  title: string;
  url: string;
  notes: string;
}

export interface ParsedLlmsTxt {
  title: string;
  summary: string;
  sections: Array<{ name: string; links: LlmsLink[] }>;
}

/**
 * Reads an llms.txt by the format's rules (one H1 first, an optional blockquote, free text, then
 * H2 sections whose list items are `[title](url)` with optional `: notes`); throws on a line that
 * breaks them. Used by the tests and by anything that wants to check a site's file.
 */
export function parseLlmsTxt(text: string): ParsedLlmsTxt {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (!/^# \S/.test(first)) throw new Error('llms.txt must start with one "# Title" line.');
  const result: ParsedLlmsTxt = { title: first.slice(2).trim(), summary: '', sections: [] };
  let section: ParsedLlmsTxt['sections'][number] | undefined;
  lines.slice(1).forEach((line, i) => {
    const at = `line ${i + 2}`;
    if (line.trim() === '') return;
    if (line.startsWith('# ')) throw new Error(`${at}: llms.txt has only one H1.`);
    if (line.startsWith('## ')) {
      section = { name: line.slice(3).trim(), links: [] };
      result.sections.push(section);
      return;
    }
    if (!section) {
      if (line.startsWith('> ') && !result.summary) result.summary = line.slice(2).trim();
      return;
    }
    const link = /^- \[((?:\\.|[^\]\\])+)\]\((\S+)\)(?:: (.*))?$/.exec(line);
    if (!link) throw new Error(`${at}: a section holds only "- [title](url): notes" lines, not "${line}".`);
    section.links.push({ title: link[1]!.replace(/\\(.)/g, '$1'), url: link[2]!, notes: link[3] ?? '' });
  });
  return result;
}
