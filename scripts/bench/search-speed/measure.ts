/**
 * One benchmark run in Chromium: open a search page in a fresh context (empty cache), focus the
 * search box, type each query a character at a time with a reader's pauses between keys, and
 * record when the first result for the whole query appeared after the last key, and what went
 * over the network (body bytes as served, so gzip where the server compresses) on page load,
 * on focus and for each query.
 */
import type { Browser, Page, Request } from 'playwright-core';

/** How to find the box, its status line and its first result on one site's search page. */
export interface SearchTarget {
  name: string;
  /** Full address of the page to search from. */
  url: string;
  input: string;
  /** The live message that names the query the results are for ("3 results for “refund”"). */
  status: string;
  firstResult: string;
}

export interface Transfer {
  bytes: number;
  requests: number;
  /** Requests for Pagefind's index chunks (`*.pf_index`): one per word range searched. */
  indexChunks: number;
  /** Body bytes by kind of file: index, fragment, meta, wasm, script, other. */
  byKind: Record<string, number>;
}

export interface QueryMeasurement {
  query: string;
  /** From the last key to the first result shown for the whole query; undefined if none showed. */
  firstResultMs: number | undefined;
  transfer: Transfer;
}

export interface RunMeasurement {
  target: string;
  /** Everything the page fetched before the reader touched search, and the part of it that is search. */
  pageLoad: Transfer;
  pageLoadSearch: Transfer;
  /** What focusing the empty box fetched (before any key). */
  focus: Transfer;
  /** Queries in the order typed; the first is typed right after focus, with nothing cached. */
  queries: QueryMeasurement[];
}

/** Inter-key pauses (ms) of a fast-average typist, drawn per key from a seeded generator. */
export interface Typing {
  minDelayMs: number;
  maxDelayMs: number;
  seed: number;
}

function kindOf(url: string): string {
  const file = new URL(url).pathname;
  if (file.endsWith('.pf_index')) return 'index';
  if (file.endsWith('.pf_fragment')) return 'fragment';
  if (file.endsWith('.pf_meta')) return 'meta';
  if (/\/wasm\.[^/]*\.pagefind$/.test(file) || file.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(file)) return 'script';
  return 'other';
}

const emptyTransfer = (): Transfer => ({ bytes: 0, requests: 0, indexChunks: 0, byKind: {} });

interface Fetched {
  url: string;
  bytes: number;
}

export function sumTransfer(records: readonly Fetched[]): Transfer {
  const t = emptyTransfer();
  for (const r of records) {
    const kind = kindOf(r.url);
    t.bytes += r.bytes;
    t.requests += 1;
    if (kind === 'index') t.indexChunks += 1;
    t.byKind[kind] = (t.byKind[kind] ?? 0) + r.bytes;
  }
  return t;
}

/** Counts requests in flight and the body bytes of finished ones, so phases can be told apart. */
function watchNetwork(page: Page) {
  let pending = 0;
  let lastActivity = performance.now();
  const finished: Array<Fetched & { sized: Promise<void> }> = [];
  const done = (request: Request, ok: boolean) => {
    pending -= 1;
    lastActivity = performance.now();
    const record = { url: request.url(), bytes: 0, sized: Promise.resolve() };
    // Chromium reports no body size for a worker's script (Pagefind's): the length header is
    // what the server sent (it sets one on every response, gzipped or not).
    if (ok)
      record.sized = Promise.all([request.sizes(), request.response()]).then(
        ([s, response]) =>
          void (record.bytes = s.responseBodySize || Number(response?.headers()['content-length'] ?? 0)),
        () => undefined,
      );
    finished.push(record);
  };
  page.on('request', () => {
    pending += 1;
    lastActivity = performance.now();
  });
  page.on('requestfinished', (r) => done(r, true));
  page.on('requestfailed', (r) => done(r, false));
  return {
    /** Resolves when nothing has been in flight for `quietMs`. */
    async idle(quietMs: number, timeoutMs = 20_000): Promise<void> {
      const start = performance.now();
      while (performance.now() - start < timeoutMs) {
        if (pending <= 0 && performance.now() - lastActivity >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** The requests finished since the last call. */
    async take(): Promise<Fetched[]> {
      const batch = finished.splice(0);
      await Promise.all(batch.map((r) => r.sized));
      return batch.map(({ url, bytes }) => ({ url, bytes }));
    },
  };
}

/** Records, in the page, each key's input event and each change of the status line and first result. */
function installRecorder(target: SearchTarget): string {
  return `(() => {
    const bench = (window.__bench = { lastInput: 0, states: [] });
    document.addEventListener('input', () => (bench.lastInput = performance.now()), true);
    const read = () => ({
      status: document.querySelector(${JSON.stringify(target.status)})?.textContent ?? '',
      href: document.querySelector(${JSON.stringify(target.firstResult)})?.getAttribute('href') ?? null,
    });
    let last = '';
    new MutationObserver(() => {
      const state = read();
      const key = state.status + '\\u0000' + state.href;
      if (key === last) return;
      last = key;
      bench.states.push({ t: performance.now(), ...state });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`;
}

interface BenchState {
  lastInput: number;
  states: Array<{ t: number; status: string; href: string | null }>;
}

/** Types `query` with seeded pauses and waits until the results settle; returns the latency. */
async function typeQuery(
  page: Page,
  target: SearchTarget,
  query: string,
  nextDelay: () => number,
): Promise<number | undefined> {
  await page.evaluate(() => ((window as unknown as { __bench: BenchState }).__bench.states = []));
  for (let i = 0; i < query.length; i++) {
    await page.keyboard.type(query[i]!);
    if (i < query.length - 1) await page.waitForTimeout(nextDelay());
  }
  // Settled: the status names the whole query and a result shows, or 10 s passed.
  const wanted = query.trim().toLowerCase();
  const deadline = Date.now() + 10_000;
  let bench: BenchState;
  for (;;) {
    await page.waitForTimeout(100);
    bench = await page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
    const hit = bench.states.find((s) => s.t > bench.lastInput && s.href && s.status.toLowerCase().includes(wanted));
    if (hit) return hit.t - bench.lastInput;
    if (Date.now() > deadline) return undefined;
  }
}

export async function measureRun(
  browser: Browser,
  target: SearchTarget,
  queries: readonly string[],
  typing: Typing,
): Promise<RunMeasurement> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const net = watchNetwork(page);
    await page.goto(target.url, { waitUntil: 'load' });
    await net.idle(800);
    await page.evaluate(installRecorder(target));
    const loaded = await net.take();
    // Focus, then wait for what it loads: on a real connection the first keys arrive while it
    // loads; on 127.0.0.1 it is done before the reader would have typed a letter.
    await page.click(target.input);
    await net.idle(800);
    const focus = sumTransfer(await net.take());
    let seed = typing.seed >>> 0;
    const nextDelay = () => {
      seed = (Math.imul(seed ^ (seed >>> 15), 1 | seed) + 0x6d2b79f5) >>> 0;
      return typing.minDelayMs + (seed % (typing.maxDelayMs - typing.minDelayMs + 1));
    };
    const measured: QueryMeasurement[] = [];
    for (const query of queries) {
      const firstResultMs = await typeQuery(page, target, query, nextDelay);
      await net.idle(500);
      measured.push({ query, firstResultMs, transfer: sumTransfer(await net.take()) });
      await page.fill(target.input, '');
      await page.waitForTimeout(500);
      await net.idle(300);
      await net.take();
    }
    return {
      target: target.name,
      pageLoad: sumTransfer(loaded),
      pageLoadSearch: sumTransfer(loaded.filter((r) => isSearchFile(r.url))),
      focus,
      queries: measured,
    };
  } finally {
    await context.close();
  }
}

/** Pagefind's files (its scripts, WebAssembly, index, UI) and our search UI's chunks. */
export function isSearchFile(url: string): boolean {
  const file = new URL(url).pathname;
  return file.includes('/pagefind/') || /\/_astro\/[^/]*(search|pagefind|answer)[^/]*\.js$/i.test(file);
}
