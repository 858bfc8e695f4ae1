#!/usr/bin/env node
// Review status of every translation (issue #13): a translation is a draft until a fluent reviewer approves it, and
// falls back to "needs review" when its English source changes. One file per locale,
// packages/ui/src/translation-review/<locale>.json, maps `<scope>:<namespace>.<key>` to
//   { "source": <hash of the English text it translates>, "status": "draft" | "reviewed", "reviewedBy"?, "reviewedAt"? }
// and summary.json holds per locale { keys, translated, reviewed } (what the apps read to show the draft notice).
// `node tooling/scripts/i18n-status.mjs` brings the files up to date: new translations become drafts with the current
// source hash, entries of removed keys go, reviewed entries keep their hash (so a changed source shows as changed).
// `--check` only reports whether the files are up to date (exit 1 if not): the test suite runs it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flatten, pluralCategories, pluralParts } from './i18n-check.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where each scope's locale folders live. */
export const SCOPES = {
  ui: 'packages/ui/src/locales',
  stakeholder: 'apps/stakeholder/src/locales',
  secretariat: 'apps/secretariat/src/locales',
  mail: 'packages/api/src/mail/locales',
};
export const STATUS_DIR = join(ROOT, 'packages/ui/src/translation-review');

export const sourceHash = (text) => createHash('sha256').update(String(text)).digest('hex').slice(0, 12);

function readFolder(dir) {
  const out = {};
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const ns = file.slice(0, -'.json'.length);
    for (const [key, text] of Object.entries(flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')))))
      out[`${ns}.${key}`] = text;
  }
  return out;
}

/** Every key a locale needs, with the English text it translates (plural keys by the locale's CLDR categories). */
export function expectedKeys(english, locale) {
  const categories = pluralCategories(locale);
  const expected = {};
  for (const [key, text] of Object.entries(english)) {
    const { base, category } = pluralParts(key);
    if (category === undefined) expected[key] = text;
    else if (category === 'zero') expected[key] = text; // i18next's own form for 0, in every language
    if (category !== undefined)
      for (const c of categories)
        expected[`${base}_${c}`] =
          c === 'one' && english[`${base}_one`] !== undefined
            ? english[`${base}_one`]
            : (english[`${base}_other`] ?? text);
  }
  return expected;
}

export function locales() {
  const found = new Set();
  for (const rel of Object.values(SCOPES)) {
    const root = join(ROOT, rel);
    if (!existsSync(root)) continue;
    for (const d of readdirSync(root, { withFileTypes: true }))
      if (d.isDirectory() && d.name !== 'en') found.add(d.name);
  }
  return [...found].sort();
}

/** The status file a locale should have now, from the files on disk and the one recorded before. */
export function computeStatus(locale, previous = {}) {
  const next = {};
  let keys = 0;
  let translated = 0;
  let reviewed = 0;
  for (const [scope, rel] of Object.entries(SCOPES)) {
    const english = readFolder(join(ROOT, rel, 'en'));
    const target = readFolder(join(ROOT, rel, locale));
    for (const [key, source] of Object.entries(expectedKeys(english, locale))) {
      keys++;
      const id = `${scope}:${key}`;
      if (typeof target[key] !== 'string' || target[key].trim() === '') continue;
      translated++;
      const hash = sourceHash(source);
      const before = previous[id];
      const entry = before ?? { source: hash, status: 'draft' };
      next[id] = entry;
      if (entry.status === 'reviewed' && entry.source === hash) reviewed++;
    }
  }
  return { status: next, summary: { keys, translated, reviewed } };
}

const statusPath = (locale) => join(STATUS_DIR, `${locale}.json`);
const readJson = (path, fallback) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback);
const stable = (value) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const summary = {};
  const stale = [];
  mkdirSync(STATUS_DIR, { recursive: true });
  for (const locale of locales()) {
    const previous = readJson(statusPath(locale), {});
    const { status, summary: counts } = computeStatus(locale, previous);
    summary[locale] = counts;
    const sorted = Object.fromEntries(Object.entries(status).sort(([a], [b]) => a.localeCompare(b)));
    if (stable(sorted) !== stable(previous)) {
      stale.push(`${locale}.json`);
      if (!check) writeFileSync(statusPath(locale), stable(sorted));
    }
  }
  const summaryPath = join(STATUS_DIR, 'summary.json');
  if (stable(summary) !== stable(readJson(summaryPath, {}))) {
    stale.push('summary.json');
    if (!check) writeFileSync(summaryPath, stable(summary));
  }
  for (const [locale, c] of Object.entries(summary))
    console.log(`${locale}: ${c.translated}/${c.keys} translated, ${c.reviewed} reviewed`);
  if (check && stale.length) {
    console.log(
      `translation review status out of date: ${stale.join(', ')} — run node tooling/scripts/i18n-status.mjs`,
    );
    process.exit(1);
  }
}
