/**
 * Runs Pagefind through its Node API after the site is written: indexes the article pages (only
 * their data-pagefind-body content), adds one record per FAQ question, checks every response's
 * errors, and always closes the Pagefind service. The search vocabulary is written next to the index.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { HelpCenterError, ErrorCodes } from '../lib/errors.ts';
import type { SearchHtmlRecord } from './faq-records.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from './vocabulary.ts';

export interface SearchIndexResult {
  pageCount: number;
  recordCount: number;
  milliseconds: number;
}

function check(step: string, errors: readonly string[] | undefined): void {
  if (errors && errors.length > 0) {
    throw new HelpCenterError(
      ErrorCodes.PagefindFailed,
      `Pagefind failed while ${step}: ${errors.join('; ')}`,
      'Fix the page or record named above and build again; the site is not deployable without its search index.',
    );
  }
}

export async function buildSearchIndex(
  outDir: string,
  records: readonly SearchHtmlRecord[],
  vocabulary: SearchVocabulary,
): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    check('starting', created.errors);
    const index = created.index;
    if (!index) throw new HelpCenterError(ErrorCodes.PagefindFailed, 'Pagefind did not start: no index was created.');
    const added = await index.addDirectory({ path: outDir });
    check(`indexing ${outDir}`, added.errors);
    for (const record of records) {
      const result = await index.addHTMLFile({ url: record.url, content: record.html });
      check(`indexing the FAQ record ${record.url}`, result.errors);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    check('writing the index', written.errors);
    await writeFile(path.join(outDir, 'pagefind', VOCABULARY_FILE), JSON.stringify(vocabulary));
    return { pageCount: added.page_count, recordCount: records.length, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}
