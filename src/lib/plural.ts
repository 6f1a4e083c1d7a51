/** "1 article", "3 articles": a count with its noun, for messages and page text in English. */
export const plural = (count: number, word: string, pluralWord = `${word}s`): string =>
  `${count} ${count === 1 ? word : pluralWord}`;
