/**
 * Isolates left-to-right runs that the Unicode bidi algorithm scrambles inside right-to-left text:
 * in an Arabic sentence "+1 555 0100" shows as "0100 555 1+", and an e-mail address can swap its
 * parts around the "@". Phone and e-mail links (`tel:`, `mailto:`) and plain-text phone numbers
 * that start with "+" and e-mail addresses go into `<bdi>`, which lays its content out on its own
 * and changes nothing in a left-to-right page.
 */
import type { Element, ElementContent, Root, Text } from 'hast';

/** "+1 555 0100", "+44 (20) 7946-0958": a "+", then digits and separators, ending on a digit. */
const PHONE = String.raw`\+\d[\d ().\-\u00a0]*\d`;
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const RUN = new RegExp(`${PHONE}|${EMAIL}`, 'g');
/** The same, for a quick test whether a text holds a run at all. */
export const HAS_RUN = new RegExp(`${PHONE}|${EMAIL}`);
/** Fewer digits than this is not a phone number ("+1 2"). */
const MIN_PHONE_DIGITS = 7;

/** Where text is shown as written (code) or already isolated or a link (handled as a whole). */
export const SKIP = new Set<string>(['code', 'pre', 'kbd', 'samp', 'bdi', 'bdo', 'script', 'style', 'a']);

export const bdi = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'bdi', properties: {}, children });

export function isIsolatedLink(node: Pick<Element, 'tagName' | 'properties'>): boolean {
  const ref = node.properties.href;
  return node.tagName === 'a' && typeof ref === 'string' && /^(tel|mailto):/i.test(ref);
}

function isRun(match: string): boolean {
  return match.startsWith('+') ? (match.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS : true;
}

/** The text split into plain text and `<bdi>` around each phone number or e-mail address. */
export function splitText(node: Text): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(RUN)) {
    if (!isRun(m[0])) continue;
    if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
    out.push(bdi([{ type: 'text', value: m[0] }]));
    last = m.index + m[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

function visit(parent: Root | Element): void {
  const next: Root['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'text') next.push(...splitText(child));
    else if (child.type === 'element' && isIsolatedLink(child)) next.push(bdi([child]));
    else {
      if (child.type === 'element' && !SKIP.has(child.tagName)) visit(child);
      next.push(child);
    }
  }
  parent.children = next;
}

export function rehypeBidiIsolate() {
  return (tree: Root) => visit(tree);
}
