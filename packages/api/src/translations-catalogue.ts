/**
 * The catalogue of the interface's texts for translation review (issue #13): every key a locale needs, with its English
 * source, the locale file's translation and the review status recorded in the repository, read from the locale files on
 * disk — the same files and rules as tooling/scripts/i18n-check.mjs and i18n-status.mjs, ported here so the API (and
 * its production bundle) and the CLI's `translations:export` need no script from tooling/.
 *
 * Where the files are: `TRANSLATIONS_ROOT`, else the repository root three levels above this module — which is also
 * where it is for the production bundle (apps/api/dist/main.js; tooling/scripts/package-server.mjs copies the locale
 * trees and packages/ui/src/translation-review into the production folder at the same paths).
 *
 * Parsed files are cached in memory per root (they change only with a deployment or an export);
 * `clearTranslationsCache()` forgets them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGE_AUTONYMS } from '@musyawarah/core';
import { TRANSLATION_SCOPES, type TranslationScopeName } from './translations-rules';

/** Where each scope's locale folders live, relative to the root. */
export const TRANSLATION_SCOPE_DIRS: Record<TranslationScopeName, string> = {
  ui: 'packages/ui/src/locales',
  stakeholder: 'apps/stakeholder/src/locales',
  secretariat: 'apps/secretariat/src/locales',
  mail: 'packages/api/src/mail/locales',
};
/** The review status files (`<locale>.json`, `summary.json`), relative to the root. */
export const TRANSLATION_STATUS_DIR = 'packages/ui/src/translation-review';

/** The root the locale trees are read from (and written to by the export). */
export function translationsRoot(): string {
  const fromEnv = process.env.TRANSLATIONS_ROOT?.trim();
  return fromEnv ? fromEnv : fileURLToPath(new URL('../../..', import.meta.url));
}

/** The hash the status files record of an English text: SHA-256, first 12 hex digits (as i18n-status.mjs). */
export const sourceHash = (text: string): string =>
  createHash('sha256').update(String(text)).digest('hex').slice(0, 12);

/** Flattens a namespace file into `a.b.c` → text. */
export function flatten(
  object: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value as Record<string, unknown>, path, out);
    else out[path] = value;
  }
  return out;
}

/** `points_one` → { base: 'points', category: 'one' }; other keys → { base: key }. */
export function pluralParts(key: string): { base: string; category?: string } {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? { base: match[1]!, category: match[2]! } : { base: key };
}

/** CLDR plural categories of a language (Tetum is not in CLDR: one form, 'other'). */
export function pluralCategories(locale: string): string[] {
  try {
    return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  } catch {
    return ['other'];
  }
}

/** Every key a locale needs, with the English text it translates (plural keys by the locale's CLDR categories). */
export function expectedKeys(english: Record<string, unknown>, locale: string): Record<string, string> {
  const categories = pluralCategories(locale);
  const expected: Record<string, string> = {};
  for (const [key, text] of Object.entries(english)) {
    const { base, category } = pluralParts(key);
    if (category === undefined || category === 'zero') expected[key] = String(text); // `_zero`: i18next's own form for 0
    if (category !== undefined)
      for (const c of categories)
        expected[`${base}_${c}`] = String(
          c === 'one' && english[`${base}_one`] !== undefined
            ? english[`${base}_one`]
            : (english[`${base}_other`] ?? text),
        );
  }
  return expected;
}

/** One locale folder of one scope: `<namespace>.<key.path>` → text, namespaces in file-name order. */
export function readLocaleFolder(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const ns = file.slice(0, -'.json'.length);
    const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    for (const [key, text] of Object.entries(flatten(parsed))) out[`${ns}.${key}`] = text;
  }
  return out;
}

export interface StatusEntry {
  source: string;
  status: 'draft' | 'reviewed';
  reviewedBy?: string;
  reviewedAt?: string;
}
export type StatusFile = Record<string, StatusEntry>;

export function readStatusFile(root: string, locale: string): StatusFile {
  const path = join(root, TRANSLATION_STATUS_DIR, `${locale}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as StatusFile) : {};
}

/** Locales with a folder in any scope, English excepted, sorted. */
export function localesOnDisk(root: string): string[] {
  const found = new Set<string>();
  for (const rel of Object.values(TRANSLATION_SCOPE_DIRS)) {
    const dir = join(root, rel);
    if (!existsSync(dir)) continue;
    for (const d of readdirSync(dir, { withFileTypes: true }))
      if (d.isDirectory() && d.name !== 'en') found.add(d.name);
  }
  return [...found].sort();
}

/**
 * The status file a locale should have now, from the files on disk and the one recorded before (i18n-status.mjs's
 * computeStatus, for any root): new translations become drafts with the current source hash, entries of removed keys
 * go, recorded entries are kept as they are (so a reviewed entry whose English changed shows as changed).
 */
export function computeStatus(root: string, locale: string, previous: StatusFile = {}) {
  const next: StatusFile = {};
  let keys = 0;
  let translated = 0;
  let reviewed = 0;
  for (const [scope, rel] of Object.entries(TRANSLATION_SCOPE_DIRS)) {
    const english = readLocaleFolder(join(root, rel, 'en'));
    const target = readLocaleFolder(join(root, rel, locale));
    for (const [key, source] of Object.entries(expectedKeys(english, locale))) {
      keys++;
      const id = `${scope}:${key}`;
      const text = target[key];
      if (typeof text !== 'string' || text.trim() === '') continue;
      translated++;
      const hash = sourceHash(source);
      const entry = previous[id] ?? { source: hash, status: 'draft' as const };
      next[id] = entry;
      if (entry.status === 'reviewed' && entry.source === hash) reviewed++;
    }
  }
  const sorted: StatusFile = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  return { status: sorted, summary: { keys, translated, reviewed } };
}

// ---------------------------------------------------------------------------------------------------------------------
// The cached catalogue

export interface CatalogueEntry {
  scope: TranslationScopeName;
  /** `<namespace>.<key.path>`. */
  key: string;
  english: string;
  /** Hash of the English text now. */
  sourceHash: string;
  /** The locale file's text; null when the key is absent or empty there. */
  translation: string | null;
  /** What the status file records for the key, if anything. */
  recorded: StatusEntry | undefined;
}

export interface LocaleCatalogue {
  locale: string;
  /** In scope order (ui, stakeholder, secretariat, mail), then namespace, then the English file's key order. */
  entries: CatalogueEntry[];
  byId: Map<string, CatalogueEntry>;
}

interface RootCache {
  english: Map<TranslationScopeName, Record<string, unknown>>;
  locales: Map<string, LocaleCatalogue>;
  localeCodes: string[] | null;
}

const cache = new Map<string, RootCache>();

export function clearTranslationsCache(): void {
  cache.clear();
}

function rootCache(root: string): RootCache {
  let found = cache.get(root);
  if (!found) {
    found = { english: new Map(), locales: new Map(), localeCodes: null };
    cache.set(root, found);
  }
  return found;
}

function englishOf(root: string, scope: TranslationScopeName): Record<string, unknown> {
  const c = rootCache(root);
  let english = c.english.get(scope);
  if (!english) {
    english = readLocaleFolder(join(root, TRANSLATION_SCOPE_DIRS[scope], 'en'));
    c.english.set(scope, english);
  }
  return english;
}

/** The locales the catalogue holds (folders on disk, English excepted). */
export function catalogueLocales(root = translationsRoot()): string[] {
  const c = rootCache(root);
  c.localeCodes ??= localesOnDisk(root);
  return c.localeCodes;
}

/** Every key of one locale with its English source, the file's translation and the recorded status. */
export function localeCatalogue(locale: string, root = translationsRoot()): LocaleCatalogue {
  const c = rootCache(root);
  const cached = c.locales.get(locale);
  if (cached) return cached;
  const recorded = readStatusFile(root, locale);
  const entries: CatalogueEntry[] = [];
  for (const scope of TRANSLATION_SCOPES) {
    const target = readLocaleFolder(join(root, TRANSLATION_SCOPE_DIRS[scope], locale));
    for (const [key, english] of Object.entries(expectedKeys(englishOf(root, scope), locale))) {
      const text = target[key];
      entries.push({
        scope,
        key,
        english,
        sourceHash: sourceHash(english),
        translation: typeof text === 'string' && text.trim() !== '' ? text : null,
        recorded: recorded[`${scope}:${key}`],
      });
    }
  }
  const built: LocaleCatalogue = {
    locale,
    entries,
    byId: new Map(entries.map((e) => [`${e.scope}:${e.key}`, e])),
  };
  c.locales.set(locale, built);
  return built;
}

/** A language in its own name ("ខ្មែរ"): core's list for the platform's languages, else CLDR's, else the code. */
export function localeAutonym(code: string): string {
  const fixed = (LANGUAGE_AUTONYMS as Record<string, string | undefined>)[code];
  if (fixed) return fixed;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
