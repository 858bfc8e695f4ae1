/**
 * `translations:export` (issue #13): writes every translation the Secretariat approved (table translation_review) into
 * the locale files of the repository and marks it reviewed in packages/ui/src/translation-review/<locale>.json (with
 * the hash of the English text it was approved against, who and when), then brings every status file and summary.json
 * up to date exactly as `node tooling/scripts/i18n-status.mjs` does.
 *
 * Files keep their key order (a key new to a file goes where English has it) and their format: 2-space JSON with a
 * trailing newline. A file is only rewritten when its content changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  computeStatus,
  expectedKeys,
  localesOnDisk,
  readLocaleFolder,
  readStatusFile,
  TRANSLATION_SCOPE_DIRS,
  TRANSLATION_STATUS_DIR,
  type StatusEntry,
  type StatusFile,
} from '@musyawarah/api/translations-catalogue';
import type { TranslationScopeName } from '@musyawarah/api/translations-rules';
import type { TranslationReviewRow } from '@musyawarah/db';

export interface TranslationsExportResult {
  /** Approved translations written (or already in the files). */
  exported: number;
  /** Reviews whose key English no longer has (left in the database, not written). */
  skipped: { locale: string; scope: string; key: string; reason: string }[];
  /** Files rewritten, relative to the root. */
  files: string[];
}

type JsonObject = Record<string, unknown>;

const stable = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function readJson(path: string): JsonObject {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JsonObject) : {};
}

/** The distinct next segments after `prefix` in the expected keys, in their order. */
function childOrder(expected: string[][], prefix: string[]): string[] {
  const out: string[] = [];
  for (const segments of expected) {
    if (segments.length <= prefix.length || !prefix.every((p, i) => segments[i] === p)) continue;
    const next = segments[prefix.length]!;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

/** Adds `key` to `parent` where the expected order puts it among the keys `parent` already has (in place). */
function insertOrdered(parent: JsonObject, key: string, value: unknown, order: string[]) {
  const entries = Object.entries(parent);
  const at = order.indexOf(key);
  let index = entries.length;
  if (at >= 0) {
    const before = order
      .slice(0, at)
      .reverse()
      .find((k) => k in parent);
    const after = order.slice(at + 1).find((k) => k in parent);
    if (before !== undefined) index = entries.findIndex(([k]) => k === before) + 1;
    else if (after !== undefined) index = entries.findIndex(([k]) => k === after);
  }
  entries.splice(index, 0, [key, value]);
  for (const k of Object.keys(parent)) delete parent[k];
  for (const [k, v] of entries) parent[k] = v;
}

/** Sets the text at `path` in a namespace file's object, keeping the order of the keys it has. */
function setText(file: JsonObject, path: string[], text: string, expected: string[][]) {
  let node = file;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (segment in node) {
      if (last) node[segment] = text;
      else {
        const child = node[segment];
        if (!child || typeof child !== 'object') node[segment] = {};
        node = node[segment] as JsonObject;
      }
    } else {
      const value = last ? text : {};
      insertOrdered(node, segment, value, childOrder(expected, path.slice(0, i)));
      if (!last) node = value;
    }
  }
}

/** True when `root` holds at least one scope's English locale folder. */
export function hasLocaleFiles(root: string): boolean {
  return Object.values(TRANSLATION_SCOPE_DIRS).some((dir) => existsSync(join(root, dir, 'en')));
}

export function exportTranslations(root: string, reviews: TranslationReviewRow[]): TranslationsExportResult {
  const result: TranslationsExportResult = { exported: 0, skipped: [], files: [] };
  const write = (path: string, content: string) => {
    if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    result.files.push(path.slice(root.length).replace(/^[\\/]+/, ''));
  };

  // Locale files: one pass per scope and locale, one write per namespace file.
  const englishByScope = new Map<TranslationScopeName, Record<string, unknown>>();
  const reviewedByLocale = new Map<string, Map<string, StatusEntry>>();
  const groups = new Map<string, TranslationReviewRow[]>();
  for (const review of reviews) {
    const group = `${review.scope}\0${review.locale}`;
    groups.set(group, [...(groups.get(group) ?? []), review]);
  }
  for (const [group, rows] of groups) {
    const [scope, locale] = group.split('\0') as [TranslationScopeName, string];
    const dir = TRANSLATION_SCOPE_DIRS[scope];
    if (!englishByScope.has(scope)) englishByScope.set(scope, readLocaleFolder(join(root, dir, 'en')));
    const expected = expectedKeys(englishByScope.get(scope)!, locale);
    const files = new Map<string, JsonObject>();
    for (const row of rows) {
      if (!(row.key in expected)) {
        result.skipped.push({ locale, scope, key: row.key, reason: 'English no longer has this key' });
        continue;
      }
      const [namespace, ...path] = row.key.split('.');
      const filePath = join(root, dir, locale, `${namespace}.json`);
      if (!files.has(filePath)) files.set(filePath, readJson(filePath));
      const namespaceKeys = Object.keys(expected)
        .filter((k) => k.startsWith(`${namespace}.`))
        .map((k) => k.split('.').slice(1));
      setText(files.get(filePath)!, path, row.text, namespaceKeys);
      result.exported++;
      let reviewed = reviewedByLocale.get(locale);
      if (!reviewed) reviewedByLocale.set(locale, (reviewed = new Map<string, StatusEntry>()));
      reviewed.set(`${scope}:${row.key}`, {
        source: row.sourceHash,
        status: 'reviewed',
        reviewedBy: row.reviewedByName ?? row.reviewedBy ?? 'unknown',
        reviewedAt: new Date(row.reviewedAt).toISOString(),
      });
    }
    for (const [path, content] of files) write(path, stable(content));
  }

  // Status files and the summary, for every locale (as i18n-status.mjs): the exported keys marked reviewed.
  const summary: Record<string, { keys: number; translated: number; reviewed: number }> = {};
  const locales = [...new Set([...localesOnDisk(root), ...reviewedByLocale.keys()])].sort();
  for (const locale of locales) {
    const previous: StatusFile = {
      ...readStatusFile(root, locale),
      ...Object.fromEntries(reviewedByLocale.get(locale) ?? []),
    };
    const { status, summary: counts } = computeStatus(root, locale, previous);
    summary[locale] = counts;
    const statusPath = join(root, TRANSLATION_STATUS_DIR, `${locale}.json`);
    if (existsSync(statusPath) || Object.keys(status).length > 0) write(statusPath, stable(status));
  }
  const summaryPath = join(root, TRANSLATION_STATUS_DIR, 'summary.json');
  if (existsSync(summaryPath) || Object.keys(summary).length > 0) write(summaryPath, stable(summary));
  return result;
}
