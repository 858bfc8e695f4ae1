import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTranslationsCache, sourceHash } from '@musyawarah/api/translations-catalogue';
import { fixtureCatalogue } from '@musyawarah/core/readiness/test-fixtures';
import { insertUser, upsertTranslationReview, type Db } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { runCli } from './cli';

const repoRoot = resolve(__dirname, '../../..');
const TREES = [
  'packages/ui/src/locales',
  'apps/stakeholder/src/locales',
  'apps/secretariat/src/locales',
  'packages/api/src/mail/locales',
  'packages/ui/src/translation-review',
];

let database: TestDatabase;
let reviewer: { id: string; name: string };
let root: string;
const previousRoot = process.env.TRANSLATIONS_ROOT;

beforeAll(async () => {
  database = await openTestDatabase();
  reviewer = await insertUser(database.db, {
    email: 'reviewer@example.org',
    name: 'Sophea Chan',
    role: 'secretariat',
    status: 'active',
  });
});
afterAll(async () => database.close());

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'translations-export-'));
  process.env.TRANSLATIONS_ROOT = root;
  clearTranslationsCache();
});
afterEach(async () => {
  if (previousRoot === undefined) delete process.env.TRANSLATIONS_ROOT;
  else process.env.TRANSLATIONS_ROOT = previousRoot;
  rmSync(root, { recursive: true, force: true });
  await database.db.deleteFrom('translation_review').execute();
});

/** Runs `translations:export` on the test database; the tree comes from TRANSLATIONS_ROOT. */
async function exportCommand() {
  const r = await runCli(['translations:export'], '', {
    catalogue: fixtureCatalogue,
    openDatabase: async () => ({ db: database.db, close: async () => undefined }),
  });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as { exported: number; skipped: { key: string }[]; files: string[] };
}

async function approve(
  db: Db,
  locale: string,
  scope: 'ui' | 'stakeholder' | 'secretariat' | 'mail',
  key: string,
  text: string,
  english: string,
) {
  await upsertTranslationReview(db, {
    locale,
    scope,
    key,
    text,
    sourceHash: sourceHash(english),
    userId: reviewer.id,
    now: new Date('2026-12-05T08:00:00Z'),
  });
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;
function write(path: string, value: unknown) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `${JSON.stringify(value, null, 2)}\n`);
}

describe('translations:export on a copy of the repository tree', () => {
  beforeEach(() => {
    for (const tree of TREES) cpSync(join(repoRoot, tree), join(root, tree), { recursive: true });
  });

  it('writes the approved text in place, marks it reviewed, and changes nothing else in the locale files', async () => {
    const english = 'Your password must be at least {{min}} characters long';
    const text = 'ពាក្យសម្ងាត់ត្រូវមានយ៉ាងហោចណាស់ {{min}} តួអក្សរ';
    await approve(database.db, 'km', 'ui', 'validation.passwordTooShort', text, english);
    const file = 'packages/ui/src/locales/km/validation.json';
    const before = read(file);

    const result = await exportCommand();
    expect(result).toMatchObject({ exported: 1, skipped: [] });
    expect(result.files).toContain(file);
    expect(result.files).toContain('packages/ui/src/translation-review/km.json');
    expect(result.files.filter((f) => f.includes('/locales/'))).toEqual([file]);

    // Same keys in the same order, the one text replaced, 2-space JSON with a trailing newline.
    const after = read(file);
    const expected = JSON.parse(before) as Record<string, unknown>;
    expected.passwordTooShort = text;
    expect(after).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(Object.keys(JSON.parse(after) as object)).toEqual(Object.keys(JSON.parse(before) as object));
    // Other locales' files are untouched.
    expect(read('packages/ui/src/locales/th/validation.json')).toBe(
      readFileSync(join(repoRoot, 'packages/ui/src/locales/th/validation.json'), 'utf8'),
    );

    const status = readJson('packages/ui/src/translation-review/km.json');
    expect(status['ui:validation.passwordTooShort']).toEqual({
      source: sourceHash(english),
      status: 'reviewed',
      reviewedBy: 'Sophea Chan',
      reviewedAt: '2026-12-05T08:00:00.000Z',
    });
    const summary = readJson('packages/ui/src/translation-review/summary.json') as Record<
      string,
      { reviewed: number }
    >;
    const previous = JSON.parse(
      readFileSync(join(repoRoot, 'packages/ui/src/translation-review/summary.json'), 'utf8'),
    ) as Record<string, { reviewed: number }>;
    expect(summary.km!.reviewed).toBe(previous.km!.reviewed + 1);
    expect(Object.keys(summary)).toEqual(Object.keys(previous));

    // A second run finds nothing to change.
    expect((await exportCommand()).files).toEqual([]);
  });

  it('never touches the repository files', async () => {
    await approve(
      database.db,
      'km',
      'ui',
      'validation.passwordTooShort',
      'x {{min}}',
      'Your password must be at least {{min}} characters long',
    );
    const real = readFileSync(join(repoRoot, 'packages/ui/src/locales/km/validation.json'), 'utf8');
    await exportCommand();
    expect(readFileSync(join(repoRoot, 'packages/ui/src/locales/km/validation.json'), 'utf8')).toBe(real);
  });
});

describe('translations:export into a small tree', () => {
  beforeEach(() => {
    write('packages/ui/src/locales/en/common.json', {
      first: 'First',
      group: { a: 'A', b: 'B', c: 'C' },
      middle: 'Middle',
      items_one: 'one item',
      items_other: '{{count}} items',
      last: 'Last',
    });
    write('packages/ui/src/locales/en/other.json', { greeting: 'Hello' });
    write('packages/ui/src/locales/km/common.json', {
      first: 'ទីមួយ',
      group: { a: 'ក', c: 'គ' },
      last: 'ចុងក្រោយ',
    });
    write('packages/ui/src/translation-review/km.json', {
      'ui:common.first': { source: sourceHash('First'), status: 'draft' },
      'ui:common.group.a': { source: sourceHash('A'), status: 'draft' },
      'ui:common.group.c': { source: sourceHash('C'), status: 'draft' },
      'ui:common.last': { source: sourceHash('Last'), status: 'draft' },
    });
  });

  it('puts keys new to a file where English has them, creates missing files, skips keys English no longer has', async () => {
    await approve(database.db, 'km', 'ui', 'common.group.b', 'ខ', 'B');
    await approve(database.db, 'km', 'ui', 'common.middle', 'កណ្តាល', 'Middle');
    await approve(database.db, 'km', 'ui', 'common.items_other', '{{count}} ធាតុ', '{{count}} items');
    await approve(database.db, 'km', 'ui', 'other.greeting', 'សួស្តី', 'Hello');
    await approve(database.db, 'km', 'ui', 'common.removed', 'លុប', 'Removed');
    // An approval made against an older English text is exported as reviewed against that text (so it shows changed).
    await approve(database.db, 'km', 'ui', 'common.last', 'ចុងក្រោយបង្អស់', 'Final');

    const result = await exportCommand();
    expect(result.exported).toBe(5);
    expect(result.skipped).toEqual([expect.objectContaining({ key: 'common.removed' })]);
    expect(read('packages/ui/src/locales/km/common.json')).toBe(
      `${JSON.stringify({ first: 'ទីមួយ', group: { a: 'ក', b: 'ខ', c: 'គ' }, middle: 'កណ្តាល', items_other: '{{count}} ធាតុ', last: 'ចុងក្រោយបង្អស់' }, null, 2)}\n`,
    );
    expect(readJson('packages/ui/src/locales/km/other.json')).toEqual({ greeting: 'សួស្តី' });

    const status = readJson('packages/ui/src/translation-review/km.json') as Record<
      string,
      { source: string; status: string }
    >;
    expect(Object.keys(status)).toEqual([...Object.keys(status)].sort((a, b) => a.localeCompare(b)));
    expect(status['ui:common.group.b']).toMatchObject({
      status: 'reviewed',
      source: sourceHash('B'),
      reviewedBy: 'Sophea Chan',
    });
    expect(status['ui:common.first']).toEqual({ source: sourceHash('First'), status: 'draft' });
    expect(status['ui:common.last']).toMatchObject({ status: 'reviewed', source: sourceHash('Final') });
    expect(status['ui:common.removed']).toBeUndefined();
    // 8 keys (Khmer has one plural form), all translated; 4 reviewed against today's English (not `last`).
    expect(readJson('packages/ui/src/translation-review/summary.json')).toEqual({
      km: { keys: 8, translated: 8, reviewed: 4 },
    });
    expect(existsSync(join(root, 'packages/ui/src/locales/th'))).toBe(false);
  });
});

describe('translations:export without locale files', () => {
  it('refuses a TRANSLATIONS_ROOT without English locale files (exit 2) and writes nothing', async () => {
    const r = await runCli(['translations:export'], '', {
      catalogue: fixtureCatalogue,
      openDatabase: async () => ({ db: database.db, close: async () => undefined }),
    });
    expect(r).toMatchObject({ stdout: '', exitCode: 2 });
    expect(r.stderr).toMatch(/no English locale files under .*TRANSLATIONS_ROOT/);
    expect(existsSync(join(root, 'packages'))).toBe(false);
  });
});
