/**
 * Sätteri 0.11 reads a `:::` line that directly follows a link reference definition as text, so
 * the callout or tab stays open and swallows the rest of the page (CommonMark and remark close
 * it). A blank line between the two means the same in both, so it is added before Sätteri parses.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}\s*$/;
const DIRECTIVE_LINE = /^ {0,3}:{3,}/;

/** The Markdown with a blank line between a block that starts with a link definition and a `:::` closing it. */
export function separateDefinitionsFromFences(markdown: string): string {
  if (!markdown.includes(']:') || !markdown.includes(':::')) return markdown;
  const lines = markdown.split('\n');
  const out: string[] = [];
  let code: string | undefined;
  let blockStartsWithDefinition = false;
  for (const line of lines) {
    const fence = FENCE.exec(line)?.[1];
    if (code) {
      if (fence && fence[0] === code[0] && fence.length >= code.length && line.trim() === fence) code = undefined;
      out.push(line);
      continue;
    }
    if (fence) {
      code = fence;
      blockStartsWithDefinition = false;
    } else if (line.trim() === '') blockStartsWithDefinition = false;
    else if (DIRECTIVE_CLOSE.test(line)) {
      if (blockStartsWithDefinition) out.push('');
      blockStartsWithDefinition = false;
    } else if (out.length === 0 || out[out.length - 1]!.trim() === '' || DIRECTIVE_LINE.test(out[out.length - 1]!))
      blockStartsWithDefinition = DEFINITION.test(line);
    out.push(line);
  }
  return out.join('\n');
}
