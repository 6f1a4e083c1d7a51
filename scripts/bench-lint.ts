/**
 * npx tsx scripts/bench-lint.ts [--articles 5000] [--faqs 0] [--runs 3] [--keep]
 * Generates a synthetic site and times `npm run lint:content` on it: cold (no cache) and warm
 * (parsed Markdown cached in .cache/), median of --runs fresh processes each (wall clock, start-up
 * included); then in-process CPU time and phases, which other load on the machine disturbs less.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { generateSyntheticSite, getMedian, runLintCli } from './bench/lint.ts';
import { getDefaultWorkerCount, lintContent } from '../src/tools/lint/lint-content.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '5000' },
    faqs: { type: 'string', default: '0' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
});
const articles = Number(values.articles);
const faqs = Number(values.faqs);
const runs = Number(values.runs);
if (![articles, faqs, runs].every((n) => Number.isInteger(n) && n >= 0) || runs < 1) {
  process.stderr.write('--articles, --faqs and --runs must be whole numbers (runs at least 1)\n');
  process.exit(2);
}

const root = generateSyntheticSite({ articles, faqs });
process.stdout.write(`Synthetic site: ${articles} articles, ${faqs} FAQs in ${root}\n`);
process.stdout.write(
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}\n`,
);
try {
  const workerArgs = values.workers === undefined ? [] : ['--workers', values.workers];
  for (const [label, args] of [
    ['cold (--no-cache)', ['--no-cache', '--no-git', ...workerArgs]],
    ['warm (cache)', ['--no-git', ...workerArgs]],
  ] as const) {
    if (label.startsWith('warm')) runLintCli(root, [...args]); // fill the cache
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < runs; i++) {
      const run = runLintCli(root, [...args]);
      if (run.exitCode !== 0) throw new Error(`lint exited with ${run.exitCode}: ${run.summary}`);
      times.push(run.milliseconds);
      summary = run.summary;
    }
    const list = times.map((t) => (t / 1000).toFixed(2)).join(', ');
    process.stdout.write(
      `${label.padEnd(18)} median ${(getMedian(times) / 1000).toFixed(2)} s  (runs: ${list})  ${summary}\n`,
    );
  }
  // In this process: CPU time (user + system) is steadier than wall time on a busy machine.
  const workers = values.workers === undefined ? getDefaultWorkerCount() : Number(values.workers);
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  for (const cached of [false, true]) {
    const options = {
      root,
      history: false as const,
      workers,
      cacheFile: cached ? '.cache/bench-in-process.json' : undefined,
    };
    if (cached) await lintContent(options); // fill the cache
    const cpu: number[] = [];
    let phases = '';
    for (let i = 0; i < runs; i++) {
      const before = process.cpuUsage();
      const { timings } = await lintContent(options);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      phases = `load ${s(timings.loadMs)}, parse ${s(timings.parseMs)} (${timings.parsed} files, ${timings.parsedOnWorkers} on workers), checks ${s(timings.checkMs)}`;
    }
    process.stdout.write(
      `in-process ${cached ? 'warm' : 'cold'}: CPU median ${s(getMedian(cpu))}; last run ${phases}\n`,
    );
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
