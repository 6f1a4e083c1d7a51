/**
 * Directive blocks made to nest: in remark-directive an outer block needs a longer colon fence than
 * the blocks inside it (`::::tabs` around `:::tab`, a tab around a `:::note` gets four colons).
 * Converters write every block with three colons; this pairs each opening line with its closing
 * `:::` line, outside code, and gives each block 3 + (how deep its contents nest) colons, plus one
 * for `tabs`, which must be longer than its tabs.
 */
const OPEN = /^(\s*):{3,}([a-z][\w-]*)(.*)$/;
const CLOSE = /^(\s*):{3,}\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

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
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
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
