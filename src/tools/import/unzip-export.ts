/**
 * Document360's export ZIP, unpacked into a folder the import reads like any source tree. Entry
 * names come from the archive, so each is checked before it becomes a path: one that is absolute,
 * climbs with "..", holds a NUL or a backslash, or is too long for a file system is refused and
 * listed; the rest is unpacked. The archive's declared sizes are capped before anything is
 * inflated (fflate inflates into a buffer of the declared size, so the cap bounds memory too).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ErrorCodes, HelpCenterError } from '../../lib/errors.ts';
import { getRelativePathProblem, writeFileInside, type ImportRefusal } from './safe-paths.ts';
import { ImportSourceError } from './sources/hosted.ts';

export interface UnzipLimits {
  /** Bytes all entries may unpack to together. */
  maxBytes: number;
  /** Entries the archive may have. */
  maxEntries: number;
}

/** A help center's export is Markdown and images: 1 GiB and 100,000 entries leave room for any real one. */
export const UNZIP_LIMITS: UnzipLimits = { maxBytes: 1024 ** 3, maxEntries: 100_000 };

const formatMiB = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;

/** Unpacks `zipFile` into `dir` (which exists); returns the entries refused. */
export function extractZipExport(zipFile: string, dir: string, limits: UnzipLimits = UNZIP_LIMITS): ImportRefusal[] {
  const origin = path.basename(zipFile);
  const refused: ImportRefusal[] = [];
  const tooLarge = (what: string) =>
    new HelpCenterError(
      ErrorCodes.ImportArchiveTooLarge,
      `${zipFile} ${what}; nothing was imported. If the export really is that large, unpack it yourself and import the folder.`,
    );
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(readFileSync(zipFile), {
      filter: (entry) => {
        if (++entries > limits.maxEntries) throw tooLarge(`has more than ${limits.maxEntries} entries`);
        const problem = getRelativePathProblem(entry.name.replace(/\/$/, ''));
        if (problem) {
          refused.push({ origin, field: 'ZIP entry', value: entry.name, reason: `${problem}; it was not unpacked` });
          return false;
        }
        if (entry.name.endsWith('/')) return false;
        total += entry.compression === 0 ? entry.size : entry.originalSize;
        if (total > limits.maxBytes) throw tooLarge(`unpacks to more than ${formatMiB(limits.maxBytes)}`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof HelpCenterError) throw err;
    throw new ImportSourceError(
      `${zipFile} cannot be read as a ZIP file (${(err as Error).message}); pass Document360's export ZIP as it was downloaded`,
    );
  }
  for (const [name, data] of Object.entries(files)) {
    try {
      writeFileInside(dir, name, { data });
    } catch (err) {
      if (err instanceof HelpCenterError) throw err;
      // A file and a folder of the same name, say: the entry is listed, the rest still unpacks.
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      refused.push({ origin, field: 'ZIP entry', value: name, reason: `could not be unpacked (${code})` });
    }
  }
  return refused;
}
