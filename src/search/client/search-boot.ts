/**
 * The only search code on a first visit: `/` focuses search, and the first focus or keystroke in
 * a search box loads the real search UI (and Pagefind) on demand.
 */
const boxes = () => Array.from(document.querySelectorAll<HTMLElement>('[data-search]'));

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector('[data-search-primary]') ?? boxes()[0];
  const input = box?.querySelector<HTMLInputElement>('[data-search-input]');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

let loading: Promise<unknown> | undefined;
function start(): void {
  loading ??= import('./search-ui.ts').then((ui) => ui.enhanceAll(boxes()));
}
for (const box of boxes()) {
  const input = box.querySelector<HTMLInputElement>('[data-search-input]');
  input?.addEventListener('focus', start, { once: true });
  input?.addEventListener('input', start, { once: true });
  if (box.dataset.search === 'page' || (input && input.value)) start();
}
