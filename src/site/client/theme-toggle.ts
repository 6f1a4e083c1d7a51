/**
 * The light/dark toggle. The page follows the system until the reader presses the toggle, which
 * offers the theme the system does not use ("Dark theme" on a light system, "Light theme" on a
 * dark one; CSS shows the right name). Pressed means that choice is on and remembered; pressing
 * again forgets it, and the page follows the system again.
 */
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

type Theme = 'light' | 'dark';
const systemTheme = (): Theme => (systemDark.matches ? 'dark' : 'light');
const otherTheme = (): Theme => (systemDark.matches ? 'light' : 'dark');
/** A remembered choice the system has since come to match shows as not pressed: the page looks as the system does. */
const isPressed = () => root.dataset.theme !== undefined && root.dataset.theme !== systemTheme();

function remember(theme: Theme | undefined): void {
  try {
    if (theme) localStorage.setItem('theme', theme);
    else localStorage.removeItem('theme');
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

const update = () => button?.setAttribute('aria-pressed', String(isPressed()));

if (button) {
  update();
  button.addEventListener('click', () => {
    if (isPressed()) {
      delete root.dataset.theme;
      remember(undefined);
    } else {
      const theme = otherTheme();
      root.dataset.theme = theme;
      remember(theme);
    }
    update();
  });
  systemDark.addEventListener('change', update);
}
