#!/usr/bin/env node
// Compares every locale's translation files with English: same namespaces, same keys (plural keys by the locale's CLDR
// categories), same {{placeholders}}, same <0>…</0> tags and $t(…) references. Prints one line per problem and exits 1
// when there is any. Usage: node tooling/scripts/i18n-check.mjs [locale ...] (default: every locale folder found).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LOCALE_ROOTS = [
  'packages/ui/src/locales',
  'apps/stakeholder/src/locales',
  'apps/secretariat/src/locales',
  'packages/api/src/mail/locales',
];

/** Flattens a namespace file into `a.b.c` → text. */
export function flatten(object, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, path, out);
    else out[path] = value;
  }
  return out;
}

/** `points_one` → { base: 'points', category: 'one' }; other keys → { base: key }. */
export function pluralParts(key) {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? { base: match[1], category: match[2] } : { base: key };
}

/** CLDR plural categories of a language (Tetum is not in CLDR: one form, 'other'). */
export function pluralCategories(locale) {
  try {
    return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  } catch {
    return ['other'];
  }
}

const tokens = (text) =>
  [...String(text).matchAll(/\{\{\s*([^}]+?)\s*\}\}|<\/?(\d+)>|\$t\(([^)]+)\)/g)]
    .map((m) => m[0].replace(/\s+/g, ''))
    .sort();

function readNamespaces(dir) {
  if (!existsSync(dir)) return undefined;
  const namespaces = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    namespaces[file.slice(0, -'.json'.length)] = flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return namespaces;
}

/** Problems of one locale under one locale root, as strings. */
export function checkLocale(root, locale) {
  const problems = [];
  const english = readNamespaces(join(root, 'en'));
  if (!english) return problems;
  let translated;
  try {
    translated = readNamespaces(join(root, locale));
  } catch (error) {
    return [`${relative(ROOT, join(root, locale))}: ${error.message}`];
  }
  if (!translated) return [`${relative(ROOT, join(root, locale))}: missing folder`];
  const categories = pluralCategories(locale);
  for (const [ns, keys] of Object.entries(english)) {
    const target = translated[ns];
    const where = `${relative(ROOT, join(root, locale, ns))}.json`;
    if (!target) {
      problems.push(`${where}: missing file`);
      continue;
    }
    const expected = new Map(); // key in this locale → English text it translates
    for (const [key, text] of Object.entries(keys)) {
      const { base, category } = pluralParts(key);
      if (category === undefined) {
        expected.set(key, text);
        continue;
      }
      // English has `_one` and `_other`; the locale needs exactly its own CLDR categories. `_zero` is i18next's own
      // form for a count of 0 in every language, so a locale keeps it wherever English has it.
      if (category === 'zero') expected.set(key, text);
      for (const c of categories) {
        expected.set(
          `${base}_${c}`,
          c === 'one' && keys[`${base}_one`] !== undefined
            ? keys[`${base}_one`]
            : (keys[`${base}_other`] ?? text),
        );
      }
    }
    for (const [key, source] of expected) {
      if (!(key in target)) {
        problems.push(`${where}: missing key ${key}`);
        continue;
      }
      if (typeof target[key] !== 'string' || target[key].trim() === '') {
        problems.push(`${where}: empty ${key}`);
        continue;
      }
      const want = tokens(source);
      const have = tokens(target[key]);
      // A plural form may leave out {{count}} (e.g. "one item" written out); every other token must survive.
      const missing = want.filter((t) => !have.includes(t) && t !== '{{count}}');
      const extra = have.filter((t) => !want.includes(t));
      if (missing.length || extra.length)
        problems.push(
          `${where}: ${key}: placeholders differ (missing ${missing.join(' ') || '-'}, unknown ${extra.join(' ') || '-'})`,
        );
    }
    for (const key of Object.keys(target)) {
      if (!expected.has(key)) problems.push(`${where}: unknown key ${key}`);
    }
  }
  for (const ns of Object.keys(translated)) {
    if (!english[ns])
      problems.push(`${relative(ROOT, join(root, locale, ns))}.json: no English file of that name`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wanted = process.argv.slice(2);
  const problems = [];
  for (const rel of LOCALE_ROOTS) {
    const root = join(ROOT, rel);
    if (!existsSync(root)) continue;
    const locales = wanted.length
      ? wanted
      : readdirSync(root, { withFileTypes: true })
          .filter((d) => d.isDirectory() && d.name !== 'en')
          .map((d) => d.name);
    for (const locale of locales) problems.push(...checkLocale(root, locale));
  }
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : 'translations match English');
  process.exit(problems.length ? 1 : 0);
}
