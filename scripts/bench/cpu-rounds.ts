/** The report of a same-process CPU benchmark: each variant's rounds, per article, against a baseline. */
export function printCpuRounds(options: {
  cpu: ReadonlyMap<string, number[]>;
  articles: number;
  words: number;
  /** The variant the others are compared with, and how the ratio names it. */
  baseline: string;
  baselineLabel: string;
  digits: number;
}): void {
  const { cpu, articles, words, baseline, baselineLabel, digits } = options;
  const best = (name: string) => Math.min(...cpu.get(name)!);
  const rounds = cpu.get(baseline)!.length;
  console.log(`${articles} articles (${words.toLocaleString('en')} words), CPU seconds per round (best of ${rounds}):`);
  for (const [name, seconds] of cpu) {
    const perArticle = ((best(name) / articles) * 1000).toFixed(2);
    const ratio = (best(name) / best(baseline)).toFixed(digits);
    console.log(
      `  ${name}: ${seconds.map((s) => s.toFixed(2)).join(' / ')} s, ${perArticle} ms an article, ${ratio}x ${baselineLabel}`,
    );
  }
}
