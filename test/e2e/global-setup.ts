/**
 * Builds the sample help center for the browser tests (into .cache/sites/e2e, with the feedback
 * endpoint baked in and search insights turned on), serves it with Astro's preview server on 127.0.0.1, and starts the Node
 * feedback endpoint on a fresh SQLite file. Tests read the addresses with inject('e2e').
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';
import { FEEDBACK_SERVE, getFeedbackMissingReason } from './helpers/feedback.ts';
import { getFreePort, startProcess, type RunningProcess } from './helpers/processes.ts';
import { startStaticHost } from './helpers/static-host.ts';

export interface E2eEnv {
  /** The served site, e.g. http://127.0.0.1:41234 (no trailing slash). */
  siteUrl: string;
  outDir: string;
  /** The endpoint the site posts votes to. */
  feedbackEndpoint: string;
  /** The SQLite file the endpoint writes. */
  feedbackDb: string;
  /** Set when the feedback server or widget does not exist yet: the feedback tests skip with it. */
  feedbackMissing: string | undefined;
  /** The same build on a host that applies its `_headers` (CORS for the in-product widget). */
  helpHostUrl: string;
  /** The "product" origin allowed to embed the widget (site.yaml widget.origins); the widget test serves it. */
  productUrl: string;
  productPort: number;
  /** Where the endpoint forwards the widget's contact messages (FEEDBACK_CONTACT_WEBHOOK_URL); a test listens there. */
  contactWebhookPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}

const CONTENT_DIR = path.join(REPO_ROOT, 'content');
const RUN_DIR = path.join(REPO_ROOT, '.cache', 'e2e');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [sitePort, feedbackPort, helpHostPort, productPort, contactWebhookPort] = [
    await getFreePort(),
    await getFreePort(),
    await getFreePort(),
    await getFreePort(),
    await getFreePort(),
  ];
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const productUrl = `http://127.0.0.1:${productPort}`;
  const feedbackEndpoint = `http://127.0.0.1:${feedbackPort}/feedback`;

  const started = Date.now();
  const build = buildSite('e2e', CONTENT_DIR, {
    HELP_CENTER_FEEDBACK_ENDPOINT: feedbackEndpoint,
    HELP_CENTER_SEARCH_INSIGHTS: 'true',
    HELP_CENTER_WIDGET_ORIGINS: productUrl,
  });
  if (build.status !== 0) throw new Error(`Building the e2e site failed:\n${build.output}`);
  console.log(
    `[e2e] built the sample site in ${Date.now() - started} ms into ${path.relative(REPO_ROOT, build.outDir)}`,
  );

  const running: RunningProcess[] = [];
  const stopAll = async () => {
    await Promise.all(running.map((p) => p.stop()));
  };
  try {
    running.push(
      await startProcess(
        'astro preview',
        [
          path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'),
          'preview',
          '--host',
          '127.0.0.1',
          '--port',
          String(sitePort),
        ],
        {
          cwd: REPO_ROOT,
          env: {
            HELP_CENTER_CONTENT_DIR: CONTENT_DIR,
            HELP_CENTER_OUT_DIR: build.outDir,
            HELP_CENTER_FEEDBACK_ENDPOINT: feedbackEndpoint,
            HELP_CENTER_SEARCH_INSIGHTS: 'true',
            ASTRO_TELEMETRY_DISABLED: '1',
          },
          url: siteUrl,
          readyUrl: `${siteUrl}/`,
        },
      ),
    );

    mkdirSync(RUN_DIR, { recursive: true });
    const feedbackDb = path.join(RUN_DIR, 'feedback.db');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${feedbackDb}${suffix}`, { force: true });
    // The feedback feature is built: a missing piece fails the run instead of skipping its tests.
    const feedbackMissing = getFeedbackMissingReason();
    if (feedbackMissing)
      throw new Error(`The feedback tests cannot run: ${feedbackMissing} (npm run build:package compiles the CLI).`);
    {
      const manifest = path.join(build.outDir, 'feedback-manifest.json');
      if (!existsSync(manifest)) throw new Error(`The e2e build wrote no ${manifest}; the feedback endpoint needs it.`);
      running.push(
        await startProcess('npm run feedback:serve', [FEEDBACK_SERVE, 'feedback', 'serve'], {
          cwd: REPO_ROOT,
          env: {
            FEEDBACK_PORT: String(feedbackPort),
            FEEDBACK_DB: feedbackDb,
            FEEDBACK_MANIFEST: manifest,
            FEEDBACK_ALLOWED_ORIGINS: `${siteUrl},${productUrl}`,
            FEEDBACK_DROP_BOTS: 'false',
            // Every browser test shares 127.0.0.1, and search events count against the same
            // per-client limit as votes: keep the limit well above what the whole run sends.
            FEEDBACK_RATE_LIMIT: '1000/60s',
            // Without it the server would generate one in the real ~/.config/helpdesk-kit.
            FEEDBACK_SECRET: 'e2e-feedback-secret-0123456789',
            FEEDBACK_CONTACT_WEBHOOK_URL: `http://127.0.0.1:${contactWebhookPort}/hook`,
          },
          url: feedbackEndpoint,
          readyUrl: `http://127.0.0.1:${feedbackPort}/health`,
        }),
      );
    }
    const helpHost = await startStaticHost(build.outDir, helpHostPort);
    running.push({ url: helpHost.url, output: () => '', stop: helpHost.stop });
    project.provide('e2e', {
      siteUrl,
      outDir: build.outDir,
      feedbackEndpoint,
      feedbackDb,
      feedbackMissing,
      helpHostUrl: helpHost.url,
      productUrl,
      productPort,
      contactWebhookPort,
    });
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
