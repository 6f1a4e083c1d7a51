/**
 * Other generators' frontmatter: YAML (`---`) or TOML (`+++`, Hugo), and the keys that mean
 * something here mapped to ours. Keys that mean nothing here are dropped and counted; a key one
 * or two letters off a known one ("tittle") is read as that key.
 */
import matter from 'gray-matter';
import { getEditDistance } from '../../lib/edit-distance.ts';
import { decodeEntities } from './html-to-markdown.ts';

export interface ParsedSourceFile {
  data: Record<string, unknown>;
  body: string;
}

export function parseSourceFile(text: string): ParsedSourceFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.startsWith('+++\n')) {
    const end = source.indexOf('\n+++', 4);
    if (end !== -1)
      return { data: parseToml(source.slice(4, end)), body: source.slice(end + 4).replace(/^[^\n]*\n/, '') };
  }
  try {
    const parsed = matter(source);
    return { data: parsed.data, body: parsed.content };
  } catch {
    return { data: {}, body: source };
  }
}

/** The part of TOML frontmatter uses: `key = value` with strings, numbers, booleans, dates, arrays. */
function parseToml(text: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let table: Record<string, unknown> = data;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[([\w.-]+)\]$/.exec(line);
    if (header) {
      table = {};
      data[header[1]!] = table;
      continue;
    }
    const m = /^([\w-]+|"[^"]+")\s*=\s*(.+)$/.exec(line);
    if (m) table[m[1]!.replace(/"/g, '')] = parseTomlValue(m[2]!.trim());
  }
  return data;
}

function parseTomlValue(v: string): unknown {
  if (v.startsWith('[')) {
    return [...v.slice(1, v.lastIndexOf(']')).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|([^,\s]+)/g)].map((m) =>
      m[1] !== undefined || m[2] !== undefined ? (m[1] ?? m[2]) : parseTomlValue(m[3]!),
    );
  }
  if (/^"(?:[^"\\]|\\.)*"$/.test(v)) return JSON.parse(v);
  if (/^'.*'$/.test(v)) return v.slice(1, -1);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v.replace(/\s+#.*$/, '');
}

/** What the source's frontmatter says, in our terms. */
export interface MappedFrontmatter {
  title?: string;
  description?: string;
  tags: string[];
  order?: number;
  draft: boolean;
  updated?: string;
  slug?: string;
  /** Old URLs: permalink, url, aliases, redirect_from. */
  oldUrls: string[];
  redirectTo?: string;
  /** Docusaurus `id`, for links by id. */
  id?: string;
  /** `owner`, or a page's one `author` by name: who keeps it up to date. */
  owner?: string;
  droppedKeys: string[];
}

const ALIASES: Record<string, keyof MappedFrontmatter | 'permalink' | 'ignore'> = {
  title: 'title',
  linktitle: 'ignore',
  sidebar_label: 'ignore',
  description: 'description',
  summary: 'description',
  excerpt: 'description',
  tags: 'tags',
  keywords: 'tags',
  labels: 'tags',
  weight: 'order',
  sidebar_position: 'order',
  nav_order: 'order',
  order: 'order',
  position: 'order',
  draft: 'draft',
  published: 'draft',
  lastmod: 'updated',
  last_modified_at: 'updated',
  last_update: 'updated',
  updated: 'updated',
  date: 'updated',
  slug: 'slug',
  permalink: 'permalink',
  url: 'permalink',
  aliases: 'oldUrls',
  redirect_from: 'oldUrls',
  redirect_to: 'redirectTo',
  id: 'id',
  owner: 'owner',
  author: 'owner',
};

/** Keys that look misspelt are read as the key they are closest to, when one is close. */
const SPELLED = ['title', 'description', 'tags', 'draft', 'weight', 'permalink', 'aliases', 'redirect_from'];

function toDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  if (value && typeof value === 'object' && 'date' in value) return toDate(value.date);
  return undefined;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter(Boolean);

export function mapFrontmatter(data: Record<string, unknown>): MappedFrontmatter {
  const out: MappedFrontmatter = { tags: [], draft: false, oldUrls: [], droppedKeys: [] };
  let updatedFromDate: string | undefined;
  const present = new Set(Object.keys(data).map((k) => k.toLowerCase()));
  // Known keys first, so a misspelt copy of one the file also has correctly does not win.
  const entries = Object.entries(data).sort(
    ([a], [b]) => Number(!(a.toLowerCase() in ALIASES)) - Number(!(b.toLowerCase() in ALIASES)),
  );
  for (const [rawKey, value] of entries) {
    let key = rawKey.toLowerCase();
    if (!(key in ALIASES)) {
      const near = SPELLED.find((k) => getEditDistance(k, key, 2) <= (k.length > 5 ? 2 : 1));
      if (near && !present.has(near)) key = near;
    }
    const target = ALIASES[key];
    if (!target || target === 'ignore') {
      out.droppedKeys.push(rawKey);
      continue;
    }
    switch (target) {
      case 'title':
      case 'description':
        if (typeof value === 'string' && value.trim()) out[target] = decodeEntities(value.trim());
        break;
      case 'tags':
        out.tags.push(...strings(value));
        break;
      case 'order':
        if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value)))
          out.order = Math.round(Number(value));
        break;
      case 'draft':
        out.draft = key === 'published' ? value === false : value === true;
        break;
      case 'updated':
        if (key === 'date') updatedFromDate = toDate(value);
        else out.updated = toDate(value) ?? out.updated;
        break;
      case 'slug':
        if (typeof value === 'string') out.slug = value.trim();
        break;
      case 'permalink':
      case 'oldUrls':
        out.oldUrls.push(...strings(value));
        break;
      case 'redirectTo':
        out.redirectTo = strings(value)[0];
        break;
      case 'id':
        if (typeof value === 'string' || typeof value === 'number') out.id = String(value);
        break;
      case 'owner': {
        // One name only: a list of co-authors names no one owner, and `owner:` wins over `author:`.
        const names = strings(value);
        if (names.length === 1 && (key === 'owner' || !out.owner)) out.owner = names[0];
        else if (names.length > 1) out.droppedKeys.push(rawKey);
        break;
      }
    }
  }
  out.updated ??= updatedFromDate;
  out.tags = [...new Set(out.tags)];
  return out;
}
