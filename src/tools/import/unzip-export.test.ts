/** Unpacking Document360's ZIP: unsafe entry names refused by name, the rest unpacked, sizes capped. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelpCenterError } from '../../lib/errors.ts';
import { formatRefusal } from './safe-paths.ts';
import { ImportSourceError } from './sources/hosted.ts';
import { extractZipExport } from './unzip-export.ts';

let root = '';
/** The folder the entries go in, two levels down, so an escape by ".." would still land inside root. */
let dir = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'unzip-export-'));
  dir = path.join(root, 'unpacked', 'here');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const text = (s: string) => new TextEncoder().encode(s);

function writeZip(entries: Record<string, Uint8Array>, name = 'export.zip'): string {
  const file = path.join(root, name);
  writeFileSync(file, zipSync(entries));
  return file;
}

/** Every file under `folder`, relative, sorted. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
    .sort();
}

function unpack(file: string, limits?: Parameters<typeof extractZipExport>[2]) {
  return extractZipExport(file, dir, limits);
}

describe('extractZipExport', () => {
  it('refuses unsafe entry names, naming each, and unpacks the rest inside the folder', () => {
    const long = `docs/${'a'.repeat(300)}.md`;
    const file = writeZip({
      'docs/ok.md': text('# OK'),
      [long]: text('# Long'),
      '../evil.md': text('evil'),
      'docs/../../../evil2.md': text('evil'),
      '/abs.md': text('evil'),
      'docs\\..\\..\\evil3.md': text('evil'),
      'docs/a\u0000.md': text('evil'),
      'docs/con.md': text('evil'),
    });
    const refused = unpack(file);
    expect(refused.map(formatRefusal)).toEqual([
      `export.zip: the ZIP entry "docs/${'a'.repeat(55)}…" (308 characters) has a part that is 303 bytes long; a file name can have at most 255; it was not unpacked`,
      'export.zip: the ZIP entry "../evil.md" contains ".."; it was not unpacked',
      'export.zip: the ZIP entry "docs/../../../evil2.md" contains ".."; it was not unpacked',
      'export.zip: the ZIP entry "/abs.md" is an absolute path; it was not unpacked',
      'export.zip: the ZIP entry "docs\\\\..\\\\..\\\\evil3.md" contains a backslash; it was not unpacked',
      'export.zip: the ZIP entry "docs/a\\u0000.md" contains a NUL character; it was not unpacked',
      'export.zip: the ZIP entry "docs/con.md" has a part that is a name Windows reserves for a device; it was not unpacked',
    ]);
    expect(listFiles(dir)).toEqual([path.join('docs', 'ok.md')]);
    expect(readFileSync(path.join(dir, 'docs/ok.md'), 'utf8')).toBe('# OK');
    // Nothing landed beside the folder, above it, or anywhere else under root.
    expect(listFiles(root)).toEqual(['export.zip', path.join('unpacked', 'here', 'docs', 'ok.md')]);
  });

  it('stops before inflating when the entries unpack to more than the cap', () => {
    const file = writeZip({ 'a.md': new Uint8Array(2 * 1024 * 1024), 'b.md': text('b') });
    expect(() => unpack(file, { maxBytes: 1024 * 1024, maxEntries: 10 })).toThrow(
      new HelpCenterError(
        'ImportArchiveTooLarge',
        `${file} unpacks to more than 1 MiB; nothing was imported. If the export really is that large, unpack it yourself and import the folder.`,
      ),
    );
    expect(() => unpack(file, { maxBytes: 10 * 1024 * 1024, maxEntries: 1 })).toThrow(
      `${file} has more than 1 entries; nothing was imported. If the export really is that large, unpack it yourself and import the folder.`,
    );
  });

  it('trusts no declared size: an entry that claims 4 GB is refused by the default cap', () => {
    const file = writeZip({ 'a.md': text('small') });
    const bytes = readFileSync(file);
    // The central directory's "uncompressed size" (offset 24 of its header) is what fflate allocates.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0xfffffff0, central + 24);
    writeFileSync(file, bytes);
    expect(() => unpack(file)).toThrow(`${file} unpacks to more than 1024 MiB; nothing was imported.`);
  });

  it('says a file that is no ZIP cannot be read, without a stack trace of fflate', () => {
    const file = path.join(root, 'broken.zip');
    writeFileSync(file, 'not a zip at all, just some text that is long enough to look for a directory');
    expect(() => unpack(file)).toThrow(ImportSourceError);
    expect(() => unpack(file)).toThrow(
      `${file} cannot be read as a ZIP file (invalid zip data); pass Document360's export ZIP as it was downloaded`,
    );
  });
});
