/**
 * A synthetic help center for the build benchmark: deterministic for a seed, valid against
 * src/content/schema.ts, and shaped like real content (headings, lists, tables, code, callouts,
 * relative .md links between articles with anchors that exist, FAQs linking to articles).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slug as slugify } from 'github-slugger';

export interface GenerateOptions {
  articles: number;
  faqs: number;
  seed?: number;
  /** Commit the content to a new git repository in `root` (the build reads dates from git). */
  git?: boolean;
  /**
   * Give every category SECTIONS_PER_CATEGORY sections and put each article in one (or, one in
   * ten, in none), with 1% of the articles unlisted. Drawn from a second seeded generator, so the
   * text is the same as without sections.
   */
  sections?: boolean;
}

const SECTIONS_PER_CATEGORY = 6;

export interface GeneratedSite {
  root: string;
  contentDir: string;
  articlesDir: string;
  categories: number;
  articles: number;
  faqs: number;
  /** Words of Markdown body text over all articles and FAQs. */
  words: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, chance, sample };
}
type Random = ReturnType<typeof createRandom>;

const CATEGORY_POOL = [
  ['getting-started', 'Getting started', 'rocket'],
  ['account', 'Your account', 'user'],
  ['billing', 'Billing and payments', 'card'],
  ['orders', 'Orders', 'truck'],
  ['shipping', 'Shipping and delivery', 'truck'],
  ['returns', 'Returns and refunds', 'return'],
  ['troubleshooting', 'Troubleshooting', 'wrench'],
  ['security', 'Security', 'shield'],
  ['privacy', 'Privacy and data', 'shield'],
  ['mobile-app', 'The mobile app', 'book'],
  ['integrations', 'Integrations', 'wrench'],
  ['teams', 'Teams and permissions', 'user'],
  ['subscriptions', 'Subscriptions', 'card'],
  ['notifications', 'Notifications', 'book'],
  ['reports', 'Reports and exports', 'book'],
  ['api', 'Developer API', 'wrench'],
  ['gift-cards', 'Gift cards and credit', 'card'],
  ['marketplace', 'Marketplace sellers', 'book'],
  ['accessibility', 'Accessibility', 'question'],
  ['business', 'Business accounts', 'user'],
] as const;

const VERBS = [
  'Change',
  'Update',
  'Set up',
  'Cancel',
  'Find',
  'Export',
  'Share',
  'Remove',
  'Add',
  'Reset',
  'Turn on',
  'Turn off',
  'Connect',
  'Manage',
  'Check',
  'Download',
  'Move',
  'Restore',
  'Verify',
  'Limit',
  'Rename',
  'Schedule',
  'Review',
  'Report',
  'Recover',
  'Transfer',
  'Merge',
  'Pause',
  'Renew',
  'Track',
];
const OBJECTS = [
  'your password',
  'the delivery address',
  'a payment method',
  'your invoice',
  'two-factor authentication',
  'a team member',
  'your subscription',
  'order history',
  'email notifications',
  'a gift card',
  'your profile photo',
  'a return label',
  'the billing address',
  'API keys',
  'a saved report',
  'push notifications',
  'your plan',
  'a refund request',
  'a webhook',
  'your account email',
  'a shared folder',
  'the default currency',
  'a recurring order',
  'your phone number',
  'a promo code',
  'store credit',
  'a seller account',
  'the tax ID',
  'single sign-on',
  'a backup code',
  'data exports',
  'a delivery slot',
  'the language setting',
  'a wishlist',
  'a linked bank account',
  'your time zone',
  'the shipping method',
  'a support ticket',
  'app permissions',
  'a device',
];
const CONTEXTS = [
  'on the website',
  'in the app',
  'for a business account',
  'after checkout',
  'before it ships',
  'on a shared account',
  'when you travel',
  'from another country',
  'for the whole team',
  'on a new phone',
  'with a screen reader',
  'during a trial',
  'after a plan change',
  'for past orders',
  'on Android',
  'on iPhone',
];
const PROBLEMS = [
  'the page does not load',
  'a payment is declined',
  'the code never arrives',
  'an order shows the wrong status',
  'the app signs you out',
  'a refund is late',
  'the invoice total looks wrong',
  'an export is empty',
  'a notification repeats',
  'the address is not recognised',
  'sync stops working',
  'an item is missing from the parcel',
];
const HEADINGS = [
  'Before you start',
  'Step by step',
  'On the website',
  'In the app',
  'What happens next',
  'If something goes wrong',
  'Limits and fees',
  'Who can do this',
  'How long it takes',
  'Keep your account safe',
  'For business accounts',
  'Undo a change',
  'Common questions',
  'Related settings',
  'What you need',
];
const SUBHEADINGS = [
  'On Android',
  'On iPhone',
  'In a browser',
  'For administrators',
  'For team members',
  'If you use single sign-on',
  'If you pay by invoice',
];
const NOUNS = [
  'order',
  'account',
  'payment',
  'parcel',
  'invoice',
  'setting',
  'team',
  'plan',
  'card',
  'receipt',
  'address',
  'notification',
  'report',
  'device',
  'refund',
  'courier',
  'warehouse',
  'profile',
  'code',
  'link',
];
const ADJECTIVES = [
  'new',
  'current',
  'saved',
  'default',
  'shared',
  'pending',
  'recent',
  'linked',
  'verified',
  'active',
  'previous',
  'secure',
];
const ACTIONS = [
  'open',
  'select',
  'confirm',
  'review',
  'update',
  'check',
  'copy',
  'enter',
  'choose',
  'save',
  'tap',
  'download',
];
const TIMES = [
  'within a few minutes',
  'the same day',
  'within 24 hours',
  'in 3 to 5 business days',
  'right away',
  'at the end of the billing period',
  'once the courier scans it',
];
const TEAMS = [
  'Support team',
  'Billing team',
  'Delivery team',
  'Account team',
  'Security team',
  'Platform team',
  'Docs team',
];
const TAGS = [
  'account',
  'billing',
  'delivery',
  'security',
  'app',
  'orders',
  'refunds',
  'privacy',
  'settings',
  'teams',
  'notifications',
  'api',
  'sign in',
  'payments',
  'returns',
  'export',
];
const CODE_BLOCKS = [
  [
    'json',
    '{\n  "event": "order.shipped",\n  "orderId": "A-10293",\n  "carrier": "parcelo-express",\n  "trackingUrl": "https://track.example.com/A-10293"\n}',
  ],
  ['bash', 'curl -H "Authorization: Bearer $API_KEY" \\\n  https://api.example.com/v1/orders?status=shipped'],
  ['text', 'Order: A-10293\nStatus: Out for delivery\nWindow: 14:00-16:00'],
  ['yaml', 'notifications:\n  email: weekly\n  push: true\n  sms: false'],
] as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (s: string) => (s.endsWith('s') ? `${s}es` : `${s}s`);

function sentence(r: Random): string {
  const n = r.pick(NOUNS);
  const templates = [
    () => `Your ${r.pick(ADJECTIVES)} ${n} is updated ${r.pick(TIMES)}.`,
    () => `To ${r.pick(ACTIONS)} the ${n}, go to **Settings** and select **${cap(plural(r.pick(NOUNS)))}**.`,
    () => `If the ${n} is ${r.pick(ADJECTIVES)}, you can ${r.pick(ACTIONS)} it from the ${r.pick(NOUNS)} page.`,
    () => `We send a confirmation email when the ${r.pick(ADJECTIVES)} ${n} is ready, usually ${r.pick(TIMES)}.`,
    () => `Only the account owner can ${r.pick(ACTIONS)} a ${r.pick(ADJECTIVES)} ${n}; team members see it read-only.`,
    () =>
      `Changes to a ${n} do not affect a ${r.pick(NOUNS)} that is already ${r.pick(['processed', 'shipped', 'paid', 'closed'])}.`,
    () => `You can ${r.pick(ACTIONS)} up to ${r.int(2, 20)} ${plural(n)} at a time.`,
    () => `The ${r.pick(ADJECTIVES)} ${n} appears in your ${r.pick(NOUNS)} history ${r.pick(TIMES)}.`,
  ];
  return r.pick(templates)();
}

const paragraph = (r: Random, min = 2, max = 5) => Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ');

interface ArticlePlan {
  category: string;
  section?: string;
  slug: string;
  title: string;
  headings: string[];
}

function planTitles(r: Random, count: number, categories: string[]): ArticlePlan[] {
  const seen = new Set<string>();
  const plans: ArticlePlan[] = [];
  while (plans.length < count) {
    const form = r.int(0, 4);
    let title =
      form === 0
        ? `${r.pick(VERBS)} ${r.pick(OBJECTS)}`
        : form === 1
          ? `${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(CONTEXTS)}`
          : form === 2
            ? `What to do when ${r.pick(PROBLEMS)} ${r.pick(CONTEXTS)}`
            : form === 3
              ? `About ${r.pick(OBJECTS).replace(/^(your|the|a|an) /, '')} ${r.pick(CONTEXTS)}`
              : `${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(CONTEXTS)}`;
    let slug = slugify(title);
    for (let n = 2; seen.has(slug); n++) {
      title = `${title.replace(/ \(\d+\)$/, '')} (${n})`;
      slug = slugify(title);
    }
    seen.add(slug);
    const headings = r.sample(HEADINGS, r.int(2, 7));
    plans.push({ category: r.pick(categories), slug, title: cap(title), headings });
  }
  return plans;
}

const getArticleFile = (plan: ArticlePlan) =>
  `articles/${plan.category}/${plan.section ? `${plan.section}/` : ''}${plan.slug}.md`;

function articleLink(r: Random, from: ArticlePlan, to: ArticlePlan): string {
  const file = path.posix.relative(path.posix.dirname(getArticleFile(from)), getArticleFile(to));
  const anchor = r.chance(0.3) ? `#${slugify(r.pick(to.headings))}` : '';
  return `[${to.title}](${file}${anchor})`;
}

function articleBody(r: Random, plan: ArticlePlan, all: ArticlePlan[]): string {
  const parts: string[] = [paragraph(r, 2, 4)];
  for (const heading of plan.headings) {
    parts.push(`## ${heading}`);
    parts.push(paragraph(r));
    const extra = r.int(0, 5);
    if (extra === 0)
      parts.push(
        Array.from(
          { length: r.int(3, 6) },
          (_, i) =>
            `${i + 1}. ${cap(r.pick(ACTIONS))} **${cap(r.pick(NOUNS))}**, then ${r.pick(ACTIONS)} the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}.`,
        ).join('\n'),
      );
    if (extra === 1) parts.push(Array.from({ length: r.int(2, 5) }, () => `- ${sentence(r)}`).join('\n'));
    if (extra === 2) {
      const rows = Array.from(
        { length: r.int(2, 5) },
        () =>
          `| ${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} | ${cap(r.pick(TIMES))} | $${r.int(0, 30)}.${r.int(10, 99)} |`,
      );
      parts.push(['| Option | How long it takes | Fee |', '| --- | --- | --- |', ...rows].join('\n'));
    }
    if (extra === 3) {
      const [lang, code] = r.pick(CODE_BLOCKS);
      parts.push(`\`\`\`${lang}\n${code}\n\`\`\``);
    }
    if (extra === 4) {
      const kind = r.pick(['note', 'tip', 'warning'] as const);
      const label = r.chance(0.4) ? `[${cap(r.pick(ADJECTIVES))} ${plural(r.pick(NOUNS))}]` : '';
      parts.push(`:::${kind}${label}\n${paragraph(r, 1, 2)}\n:::`);
    }
    if (r.chance(0.25)) {
      parts.push(`### ${r.pick(SUBHEADINGS)}`);
      parts.push(paragraph(r, 1, 3));
    }
    if (r.chance(0.35)) parts.push(`See ${articleLink(r, plan, r.pick(all))} for more.`);
  }
  return `${parts.join('\n\n')}\n`;
}

const yamlString = (s: string) => JSON.stringify(s);

/** Writes site.yaml, categories.yaml, articles and FAQs under `root`/content. */
export function generateHelpCenter(root: string, options: GenerateOptions): GeneratedSite {
  const r = createRandom(options.seed ?? 20260101);
  const contentDir = path.join(root, 'content');
  const articlesDir = path.join(contentDir, 'articles');
  const categoryCount = r.int(10, 20);
  const categories = CATEGORY_POOL.slice(0, categoryCount);
  let words = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(contentDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  write(
    'site.yaml',
    'name: Benchmark Help Center\nurl: https://help.bench.example\nlanguage: en\ncontact:\n  email: help@bench.example\n  ticketUrl: https://bench.example/support/new\nlint:\n  requireOwner: true\n',
  );
  write(
    'categories.yaml',
    categories
      .map(
        ([id, title, icon], i) =>
          `- id: ${id}\n  title: ${title}\n  description: ${yamlString(`Help with ${title.toLowerCase()}: how-to guides and answers.`)}\n  icon: ${icon}\n  order: ${i + 1}\n` +
          (options.sections
            ? `  sections:\n${Array.from({ length: SECTIONS_PER_CATEGORY }, (_, n) => `    - id: part-${n + 1}\n      title: ${yamlString(`${title}, part ${n + 1}`)}\n      order: ${SECTIONS_PER_CATEGORY - n}\n`).join('')}`
            : ''),
      )
      .join(''),
  );

  const plans = planTitles(
    r,
    options.articles,
    categories.map(([id]) => id),
  );
  const sectionRandom = createRandom((options.seed ?? 20260101) + 1);
  const unlisted = new Set<string>();
  if (options.sections) {
    for (const plan of plans) {
      if (sectionRandom.chance(0.9)) plan.section = `part-${sectionRandom.int(1, SECTIONS_PER_CATEGORY)}`;
      if (sectionRandom.chance(0.01)) unlisted.add(plan.slug);
    }
  }
  plans.forEach((plan, i) => {
    const related = r
      .sample(plans, r.int(0, 3))
      .filter((p) => p.slug !== plan.slug && !unlisted.has(p.slug))
      .map((p) => p.slug);
    const body = articleBody(r, plan, plans);
    words += body.split(/\s+/).length;
    const frontmatter = [
      '---',
      `title: ${yamlString(plan.title)}`,
      `description: ${yamlString(`${paragraph(r, 1, 2)}`.slice(0, 290))}`,
      `tags: [${r.sample(TAGS, r.int(1, 4)).join(', ')}]`,
      `order: ${i + 1}`,
      ...(r.chance(0.01) ? ['featured: true'] : []),
      `owner: ${r.pick(TEAMS)}`,
      `reviewBy: 2027-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      ...(related.length ? [`related: [${related.join(', ')}]`] : []),
      ...(unlisted.has(plan.slug) ? ['unlisted: true'] : []),
      '---',
    ];
    write(getArticleFile(plan), `${frontmatter.join('\n')}\n\n${body}`);
  });

  const articleSlugs = new Set(plans.map((p) => p.slug));
  const faqSlugs = new Set<string>();
  for (let i = 0; i < options.faqs; i++) {
    const form = r.int(0, 2);
    let question =
      form === 0
        ? `Can I ${r.pick(VERBS).toLowerCase()} ${r.pick(OBJECTS)} ${r.pick(CONTEXTS)}?`
        : form === 1
          ? `How do I ${r.pick(VERBS).toLowerCase()} ${r.pick(OBJECTS)}?`
          : `Why does it say ${r.pick(PROBLEMS)}?`;
    let slug = slugify(question);
    for (let n = 2; faqSlugs.has(slug) || articleSlugs.has(slug); n++) {
      question = `${question.replace(/ \(\d+\)\?$/, '?').replace(/\?$/, '')} (${n})?`;
      slug = slugify(question);
    }
    faqSlugs.add(slug);
    const category = r.pick(categories)[0];
    const target = r.pick(plans);
    const body = `${paragraph(r, 1, 3)}\n\n${r.chance(0.5) ? `${paragraph(r, 1, 2)}\n\n` : ''}See [${target.title}](../../${getArticleFile(target)}).\n`;
    words += body.split(/\s+/).length;
    const related = r
      .sample(plans, r.int(0, 2))
      .filter((p) => !unlisted.has(p.slug))
      .map((p) => p.slug);
    write(
      `faqs/${category}/${slug}.md`,
      `---\nquestion: ${yamlString(question)}\norder: ${i + 1}\ntags: [${r.sample(TAGS, r.int(1, 3)).join(', ')}]\n${related.length ? `related: [${related.join(', ')}]\n` : ''}---\n\n${body}`,
    );
  }

  if (options.git) {
    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z' };
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
        cwd: root,
        env,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', 'content');
    git('commit', '-q', '-m', 'Synthetic help center');
  }
  return {
    root,
    contentDir,
    articlesDir,
    categories: categoryCount,
    articles: options.articles,
    faqs: options.faqs,
    words,
  };
}
