/**
 * Content tabs (remark-tabs.ts): turns each `.tabs` block, which without this script shows every
 * panel under its label, into an ARIA tablist: arrow keys, Home and End move between tabs, only
 * the chosen panel shows, and blocks with the same `data-tabs-group` switch together (the choice
 * is kept for the visit, so the next page opens on it too).
 */
const STORE = 'hk-tabs:';
let count = 0;

function remember(group: string | undefined, label: string): void {
  if (!group) return;
  try {
    sessionStorage.setItem(STORE + group, label);
  } catch {
    /* storage off: the choice lasts for this page */
  }
}

function recall(group: string | undefined): string | null {
  try {
    return group ? sessionStorage.getItem(STORE + group) : null;
  } catch {
    return null;
  }
}

interface Tabs {
  group?: string;
  tabs: HTMLButtonElement[];
  panels: HTMLElement[];
}

const all: Tabs[] = [];

function select(block: Tabs, index: number, focus = false): void {
  block.tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    block.panels[i]!.hidden = !on;
  });
  if (focus) block.tabs[index]!.focus();
}

/** Every block of the group shows the tab with this label, where it has one. */
function selectLabel(group: string, label: string): void {
  for (const block of all) {
    if (block.group !== group) continue;
    const index = block.tabs.findIndex((t) => t.textContent === label);
    if (index >= 0) select(block, index);
  }
}

function enhance(root: HTMLElement): void {
  const panels = [...root.children].filter((el): el is HTMLElement => el.classList.contains('tab-panel'));
  if (panels.length === 0) return;
  const id = `hk-tabs-${++count}`;
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  list.className = 'tab-list';
  const block: Tabs = { group: root.dataset.tabsGroup, tabs: [], panels };
  panels.forEach((panel, i) => {
    const label = panel.querySelector(':scope > .tab-label');
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `${id}-tab-${i}`;
    tab.textContent = label?.textContent?.trim() || `Tab ${i + 1}`;
    panel.id ||= `${id}-panel-${i}`;
    tab.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    // The tab says it now; the label stays in the page for find-in-page and print.
    label?.setAttribute('hidden', '');
    tab.addEventListener('click', () => {
      select(block, i);
      if (block.group) {
        selectLabel(block.group, tab.textContent);
        remember(block.group, tab.textContent);
      }
    });
    block.tabs.push(tab);
    list.append(tab);
  });
  list.addEventListener('keydown', (event) => {
    const current = block.tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const last = block.tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    block.tabs[next]!.click();
    block.tabs[next]!.focus();
  });
  root.prepend(list);
  root.classList.add('tabs-enhanced');
  all.push(block);
  const stored = recall(block.group);
  const index = stored ? block.tabs.findIndex((t) => t.textContent === stored) : -1;
  select(block, Math.max(index, 0));
}

document.querySelectorAll<HTMLElement>('.tabs').forEach(enhance);

// A module, so its names do not clash with other client scripts'.
export {};
