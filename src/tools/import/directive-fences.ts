/**
 * Directive blocks made to nest: in remark-directive an outer block needs a longer colon fence than
 * the blocks inside it (`::::tabs` around `:::tab`, a tab around a `:::note` gets four colons).
 * Converters write every block with three colons; this pairs each opening line with its closing
 * `:::` line, outside code, and gives each block 3 + (how deep its contents nest) colons, plus one
 * for `tabs`, which must be longer than its tabs.
 */
const OPEN = /^(\s*):{3,}([a-z][\w-]*)(.*)$/;
const CLOSE = /^(\s*):{3,}\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})/;

/**
 * A reader of lines that says which are code (fence lines included). A fence closes only on a line
 * of its own character, at least as long, indented at most three spaces more than it opened: a
 * fence indented inside it (an example of a code block in a code block) is its text.
 */
export function createCodeTracker(): (line: string) => boolean {
  let open: { char: string; length: number; indent: number } | undefined;
  return (line) => {
    const f = FENCE.exec(line);
    if (!open) {
      if (f) open = { char: f[2]![0]!, length: f[2]!.length, indent: f[1]!.length };
      return Boolean(f);
    }
    const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[2]![0] === open.char && close[2]!.length >= open.length && close[1]!.length <= open.indent + 3)
      open = undefined;
    return true;
  };
}

interface Block {
  open: number;
  close?: number;
  name: string;
  children: Block[];
}

function height(block: Block): number {
  const inner = Math.max(-1, ...block.children.map(height));
  // tabs must be longer than each of its tabs; any other block one longer than what it holds.
  return block.name === 'tabs' ? Math.max(inner + 1, 1) : inner + 1;
}

export function balanceDirectiveFences(body: string): string {
  const lines = body.split('\n');
  const roots: Block[] = [];
  const stack: Block[] = [];
  const isCode = createCodeTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isCode(line)) continue;
    const open = OPEN.exec(line);
    if (open) {
      const block: Block = { open: i, name: open[2]!, children: [] };
      (stack.at(-1)?.children ?? roots).push(block);
      stack.push(block);
      continue;
    }
    if (CLOSE.test(line) && stack.length) stack.pop()!.close = i;
  }
  const apply = (block: Block) => {
    const colons = ':'.repeat(3 + height(block));
    lines[block.open] = lines[block.open]!.replace(/^(\s*):{3,}/, `$1${colons}`);
    if (block.close !== undefined) lines[block.close] = lines[block.close]!.replace(/^(\s*):{3,}/, `$1${colons}`);
    block.children.forEach(apply);
  };
  roots.forEach(apply);
  return lines.join('\n');
}
