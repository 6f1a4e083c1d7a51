/** Opens the FAQ question the URL points to (#its-anchor), on load and when the hash changes. */
function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  if (target instanceof HTMLDetailsElement) {
    target.open = true;
    target.scrollIntoView({ block: 'start' });
    target.querySelector('summary')?.focus({ preventScroll: true });
  }
}
openTarget();
window.addEventListener('hashchange', openTarget);
