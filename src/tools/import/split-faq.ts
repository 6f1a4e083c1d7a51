/**
 * `--split-faq`: a page whose body is a run of question headings (`## How do I ...?`, each
 * followed by its answer) becomes one FAQ entry per question. Each entry keeps the heading's old
 * id (its `{#custom-id}`, or the id the old site made from the heading text, as ours does) as
 * its slug, and a FAQ's slug is its anchor on the FAQ page and on its category page, so the old
 * `page#question` lands on the question once the old page redirects there.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { splitHeadingId } from '../../content/remark-heading-ids.ts';
import { getHeadingId } from '../lint/markdown-facts.ts';

export interface FaqSection {
  /** The heading's text, without its `{#id}`: the FAQ's question. */
  question: string;
  /** The heading's id on the old page. */
  anchor: string;
  /** The ids of the headings inside the answer, which old links may point to as well. */
  innerAnchors: string[];
  /** The Markdown under the heading, up to the next question. */
  answer: string;
}

export type FaqSplit =
  | { faqs: FaqSection[]; intro?: string }
  /** Not FAQ-shaped. `nearMiss`: it has question headings, so the writer should hear why it stayed an article. */
  | { reason: string; nearMiss: boolean };

/** The end of a question, in the scripts that write it differently (fullwidth, Arabic). */
const QUESTION_END = /[?\uFF1F\u061F]\s*$/;
/** The schema's limit for a question. */
const MAX_QUESTION = 200;
/** Text before the first question that may be left out: at most one short paragraph, which the summary quotes. */
const MAX_INTRO = 300;

const parser = remark();

/** The page's questions and answers, or why it is not a page of questions. */
export function splitFaqPage(body: string): FaqSplit {
  const tree = parser.parse(body);
  const slugger = new GithubSlugger();
  const headings: Array<{ node: Heading; id: string; text: string; start: number; end: number }> = [];
  const visit = (nodes: RootContent[], top: boolean) => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const written = splitHeadingId(toString(node));
        const id = written.id ?? getHeadingId(slugger, written.text);
        if (top)
          headings.push({
            node,
            id,
            text: written.text.trim(),
            start: node.position!.start.offset!,
            end: node.position!.end.offset!,
          });
      } else if ('children' in node) visit(node.children, false);
    }
  };
  visit(tree.children, true);
  if (headings.length === 0) return { reason: 'it has no headings', nearMiss: false };
  const level = Math.min(...headings.map((h) => h.node.depth));
  const top = headings.filter((h) => h.node.depth === level);
  const questions = top.filter((h) => QUESTION_END.test(h.text));
  if (questions.length === 0) return { reason: 'none of its headings is a question', nearMiss: false };
  const notQuestion = top.find((h) => !QUESTION_END.test(h.text));
  if (notQuestion)
    return { reason: `the heading "${notQuestion.text}" is not a question, so the page stays whole`, nearMiss: true };
  if (questions.length < 2) return { reason: 'it has only one question heading', nearMiss: true };
  const intro = body.slice(0, questions[0]!.start).trim();
  if (intro && (/\n\s*\n/.test(intro) || intro.length > MAX_INTRO))
    return { reason: 'it has more than a short paragraph before the first question', nearMiss: true };
  const faqs: FaqSection[] = [];
  for (const [i, q] of questions.entries()) {
    const next = questions[i + 1];
    const answer = body.slice(q.end, next ? next.start : body.length).trim();
    if (!answer) return { reason: `the question "${q.text}" has no answer under it`, nearMiss: true };
    if (q.text.length > MAX_QUESTION)
      return {
        reason: `the question "${q.text.slice(0, 60)}…" is longer than ${MAX_QUESTION} characters`,
        nearMiss: true,
      };
    const inner = headings.filter((h) => h.start > q.end && (!next || h.start < next.start));
    faqs.push({
      question: plainQuestion(q.text),
      anchor: q.id,
      innerAnchors: inner.map((h) => h.id),
      answer: raiseHeadings(body, q.end, next ? next.start : body.length, inner, level - 1).trim(),
    });
  }
  return intro ? { faqs, intro } : { faqs };
}

/**
 * `body.slice(from, to)` with its ATX headings `by` levels higher: under a `##` question, a `###`
 * is the answer's first level, and an answer's headings start at `##` (the question is its title).
 */
function raiseHeadings(
  body: string,
  from: number,
  to: number,
  headings: ReadonlyArray<{ node: Heading; start: number }>,
  by: number,
): string {
  let out = '';
  let cursor = from;
  for (const h of headings) {
    const hashes = /^#{1,6}/.exec(body.slice(h.start, h.start + 6))?.[0];
    if (!hashes || by <= 0) continue;
    out += `${body.slice(cursor, h.start)}${'#'.repeat(Math.max(2, hashes.length - by))}`;
    cursor = h.start + hashes.length;
  }
  return out + body.slice(cursor, to);
}

/** The question as plain text: the summary of a FAQ shows no Markdown. */
function plainQuestion(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
