/**
 * npm run bench:feedback [-- --ci] [--duration 10] [--connections 50] [--synchronous FULL|NORMAL] [--no-d1] [--json]
 * Default: the same closed-loop load for the same fixed duration against a bare 204 server, the
 * Node server with SQLite, and the Workers entry with D1 in workerd (docs/performance.md).
 * --ci: the SLO gates of docs/feedback.md; exits 1 when one is missed, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { runCiGates, runComparison, SLO, type LoadResult, type StoreRun } from './bench/feedback/run-bench.ts';

let values: {
  ci: boolean;
  duration: string;
  connections: string;
  synchronous: string;
  'no-d1': boolean;
  json: boolean;
};
try {
  values = parseArgs({
    options: {
      ci: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      'no-d1': { type: 'boolean', default: false },
      connections: { type: 'string', default: '50' },
      synchronous: { type: 'string', default: 'FULL' },
      json: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
const synchronous = values.synchronous.toUpperCase();
if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
  process.stderr.write('--synchronous must be FULL or NORMAL\n');
  process.exit(2);
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const line = (label: string, r: LoadResult) =>
  `  ${label.padEnd(10)} ${String(Math.round(r.rps)).padStart(6)} req/s   p50 ${ms(r.p50).padStart(8)}   p99 ${ms(r.p99).padStart(8)}   max ${ms(r.max).padStart(8)}   ok ${r.ok}   failed ${r.failed}`;
const ratios = (f: LoadResult, b: LoadResult) =>
  `    ratio    throughput ${(f.rps / b.rps).toFixed(2)}x of baseline, p50 ${(f.p50 / Math.max(b.p50, 0.1)).toFixed(1)}x, p99 ${(f.p99 / Math.max(b.p99, 0.1)).toFixed(1)}x`;

if (!values.ci) {
  const plan = { connections: Number(values.connections), durationS: Number(values.duration) };
  if (!(plan.durationS >= 1) || !(plan.connections >= 1)) {
    process.stderr.write('--duration (seconds) and --connections must be numbers of at least 1\n');
    process.exit(2);
  }
  const result = await runComparison(plan, synchronous, { d1: !values['no-d1'] });
  const runs = [{ label: 'SQLite', run: result.sqlite }, ...(result.d1 ? [{ label: 'D1', run: result.d1 }] : [])];
  const votes = (label: string, r: StoreRun) =>
    `  ${label.padEnd(10)} ${r.acked} acknowledged, all stored: ${r.lost === 0 ? 'yes' : `NO, ${r.lost} lost`}; ${r.unacked} stored unacknowledged (cut off in flight)`;
  if (values.json) process.stdout.write(`${JSON.stringify({ synchronous, ...result }, null, 2)}\n`);
  else {
    process.stdout.write(
      [
        `Feedback endpoint: ${plan.connections} connections, closed loop, ${plan.durationS} s per server (SQLite synchronous=${synchronous})`,
        line('baseline', result.baseline),
        ...runs.flatMap(({ label, run }) => [line(label, run.load), ratios(run.load, result.baseline)]),
        ...runs.map(({ label, run }) => votes(label, run)),
        `  SQLite     server exit ${result.sqlite.exitCode}; integrity ${String(result.sqlite.integrity)}`,
        '',
      ].join('\n'),
    );
  }
  const ok =
    runs.every(({ run }) => run.lost === 0 && run.unacked >= 0 && run.unacked <= plan.connections) &&
    result.sqlite.exitCode === 0;
  process.exit(ok ? 0 : 1);
}

const ci = await runCiGates(synchronous);
if (values.json) process.stdout.write(`${JSON.stringify({ synchronous, slo: SLO, ...ci }, null, 2)}\n`);
else {
  process.stdout.write(
    [
      `Feedback SLO gates, SQLite synchronous=${synchronous}`,
      `Fixed rate ${SLO.fixedRate} req/s, ${SLO.fixedRate * SLO.fixedSeconds} requests (${SLO.fixedSeconds} s), ${SLO.fixedConnections} connections:`,
      line('feedback', ci.fixed.feedback),
      line('baseline', ci.fixed.baseline),
      ratios(ci.fixed.feedback, ci.fixed.baseline),
      `Closed loop, ${SLO.closedConnections} connections, ${SLO.closedAmount} requests, with a second writer process:`,
      line('feedback', ci.closed.feedback),
      line('baseline', ci.closed.baseline),
      ratios(ci.closed.feedback, ci.closed.baseline),
      '',
      ...ci.gates.map((g) => `  ${g.passed ? 'PASS' : 'FAIL'}  ${g.name}  (${g.detail})`),
      '',
    ].join('\n'),
  );
}
const failed = ci.gates.filter((g) => !g.passed);
if (failed.length)
  process.stderr.write(`${failed.length} SLO gate(s) missed: ${failed.map((g) => g.name).join('; ')}\n`);
if (ci.fixed.baseline.p99 >= SLO.fixedP99Ms || ci.closed.baseline.p99 >= SLO.closedP99Ms) {
  process.stderr.write(
    `The bare 204 server itself missed a latency threshold in this run (p99 ${ci.fixed.baseline.p99} ms fixed, ${ci.closed.baseline.p99} ms closed): the machine was busy with something else; run the gate on its own.\n`,
  );
}
process.exit(failed.length ? 1 : 0);
