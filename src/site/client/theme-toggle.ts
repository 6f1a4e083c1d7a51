/** The light/dark toggle: follows the system until the reader chooses, then remembers the choice. */
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
const update = () => {
  if (!button) return;
  button.setAttribute('aria-pressed', String(isDark()));
};

if (button) {
  button.hidden = false;
  update();
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    update();
  });
  systemDark.addEventListener('change', update);
}
