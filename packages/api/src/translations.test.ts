import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, rejection, type TestApi } from './test-support';
import { clearTranslationsCache, localeCatalogue, sourceHash } from './translations-catalogue';
import { placeholderDifference } from './translations-rules';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

// The repository's own locale files (read-only here): Khmer's draft of "Your password must be at least {{min}}…".
const PASSWORD_KEY = { locale: 'km', scope: 'ui', key: 'validation.passwordTooShort' } as const;

describe('translations with the repository locale files', () => {
  it('lists every translated language with its autonym and counts', async () => {
    const locales = await secretariat.caller.translations.locales();
    expect(locales.map((l) => l.code)).not.toContain('en');
    expect(locales).toHaveLength(12);
    const km = locales.find((l) => l.code === 'km')!;
    expect(km.autonym).toBe('ខ្មែរ');
    expect(km.keys).toBe(localeCatalogue('km').entries.length);
    expect(km.translated).toBeGreaterThan(0);
    expect(km.translated).toBeLessThanOrEqual(km.keys);
  });

  it('lists a page of keys with English beside the translation and follows the cursor', async () => {
    const first = await secretariat.caller.translations.list({ locale: 'km', limit: 5 });
    expect(first.rows).toHaveLength(5);
    expect(first.total).toBe(localeCatalogue('km').entries.length);
    expect(first.nextCursor).toBe(5);
    expect(first.rows[0]).toMatchObject({ scope: 'ui', english: expect.any(String) });
    const second = await secretariat.caller.translations.list({
      locale: 'km',
      limit: 5,
      cursor: first.nextCursor!,
    });
    expect(second.rows[0]!.key).not.toBe(first.rows[0]!.key);
  });

  it('searches keys, English and translations', async () => {
    const { rows } = await secretariat.caller.translations.list({ locale: 'km', search: 'passwordTooShort' });
    expect(rows).toEqual([
      expect.objectContaining({
        scope: 'ui',
        key: 'validation.passwordTooShort',
        english: 'Your password must be at least {{min}} characters long',
        state: 'draft',
      }),
    ]);
    expect(
      (
        await secretariat.caller.translations.list({ locale: 'km', search: 'AT LEAST {{MIN}} CHARACTERS' })
      ).rows.map((r) => r.key),
    ).toContain('validation.passwordTooShort');
  });

  it('refuses a text that loses or adds a placeholder, with the error on the text field', async () => {
    for (const text of ['គ្មាន placeholder', '{{min}} {{max}}', '{{minimum}}']) {
      const error = await rejection(secretariat.caller.translations.approve({ ...PASSWORD_KEY, text }));
      expect(error.code).toBe('BAD_REQUEST');
      expect((error as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
        text: ['validation.placeholdersDiffer'],
      });
    }
  });

  it('refuses an empty text and a key the locale does not have', async () => {
    const empty = await rejection(secretariat.caller.translations.approve({ ...PASSWORD_KEY, text: '   ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.cause).toBeDefined();
    const unknown = await rejection(
      secretariat.caller.translations.approve({ ...PASSWORD_KEY, key: 'validation.noSuchKey', text: 'x' }),
    );
    expect((unknown as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      key: ['validation.unknownTranslationKey'],
    });
    // English is the source, not a translation.
    expect(
      (await rejection(secretariat.caller.translations.approve({ ...PASSWORD_KEY, locale: 'en', text: 'x' })))
        .code,
    ).toBe('BAD_REQUEST');
  });

  it('approves an edited text: stored reviewed by the signed-in person against the current source, audited', async () => {
    const text = 'ពាក្យសម្ងាត់ត្រូវមានយ៉ាងហោចណាស់ {{min}} តួអក្សរ';
    const row = await secretariat.caller.translations.approve({ ...PASSWORD_KEY, text });
    expect(row).toMatchObject({ translation: text, state: 'reviewed', reviewedBy: secretariat.user.name });
    const stored = await api.db
      .selectFrom('translation_review')
      .selectAll()
      .where('locale', '=', 'km')
      .where('key', '=', PASSWORD_KEY.key)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      scope: 'ui',
      text,
      reviewed_by: secretariat.user.id,
      source_hash: sourceHash('Your password must be at least {{min}} characters long'),
    });
    const [audit] = await listAuditEntries(api.db, {
      limit: 1,
      entityType: 'translation_review',
      entityId: stored.id,
    });
    expect(audit).toMatchObject({
      action: 'translation.approve',
      entity_type: 'translation_review',
      entity_id: stored.id,
      actor_user_id: secretariat.user.id,
    });

    const listed = await secretariat.caller.translations.list({ locale: 'km', search: PASSWORD_KEY.key });
    expect(listed.rows[0]).toMatchObject({
      translation: text,
      state: 'reviewed',
      reviewedBy: secretariat.user.name,
    });
    // No longer unreviewed; counted as reviewed.
    expect(
      (
        await secretariat.caller.translations.list({
          locale: 'km',
          filter: 'unreviewed',
          search: PASSWORD_KEY.key,
        })
      ).rows,
    ).toEqual([]);
    const km = (await secretariat.caller.translations.locales()).find((l) => l.code === 'km')!;
    expect(km.reviewed).toBeGreaterThanOrEqual(1);
  });

  it('shows a stored review as changed once the English it was approved against differs', async () => {
    await api.db
      .updateTable('translation_review')
      .set({ source_hash: '000000000000' })
      .where('locale', '=', 'km')
      .where('key', '=', PASSWORD_KEY.key)
      .execute();
    const { rows } = await secretariat.caller.translations.list({
      locale: 'km',
      filter: 'changed',
      search: PASSWORD_KEY.key,
    });
    expect(rows).toEqual([expect.objectContaining({ key: PASSWORD_KEY.key, state: 'changed' })]);
    expect(
      (
        await secretariat.caller.translations.list({
          locale: 'km',
          filter: 'unreviewed',
          search: PASSWORD_KEY.key,
        })
      ).rows,
    ).toHaveLength(1);
    // Approving as is brings it back to reviewed against the current English, keeping the reviewer's text.
    const again = await secretariat.caller.translations.approveAsIs(PASSWORD_KEY);
    expect(again).toMatchObject({ state: 'reviewed', translation: 'ពាក្យសម្ងាត់ត្រូវមានយ៉ាងហោចណាស់ {{min}} តួអក្សរ' });
    const stored = await api.db
      .selectFrom('translation_review')
      .select('id')
      .where('locale', '=', 'km')
      .where('key', '=', PASSWORD_KEY.key)
      .executeTakeFirstOrThrow();
    const [audit] = await listAuditEntries(api.db, {
      limit: 1,
      entityType: 'translation_review',
      entityId: stored.id,
    });
    expect(audit).toMatchObject({ action: 'translation.approve_as_is', actor_user_id: secretariat.user.id });
  });

  it('refuses stakeholders and member-state representatives', async () => {
    for (const role of ['stakeholder', 'member_state'] as const) {
      const { caller } = await api.signedIn(role);
      expect((await rejection(caller.translations.locales())).code).toBe('FORBIDDEN');
      expect((await rejection(caller.translations.list({ locale: 'km' }))).code).toBe('FORBIDDEN');
      expect((await rejection(caller.translations.approve({ ...PASSWORD_KEY, text: '{{min}}' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await rejection(caller.translations.approveAsIs(PASSWORD_KEY))).code).toBe('FORBIDDEN');
    }
    const { caller: anonymous } = await api.call();
    expect((await rejection(anonymous.translations.list({ locale: 'km' }))).code).toBe('UNAUTHORIZED');
  });
});

describe('translations from a tree of its own (TRANSLATIONS_ROOT)', () => {
  let root: string;
  const previous = process.env.TRANSLATIONS_ROOT;
  const write = (path: string, value: unknown) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${JSON.stringify(value, null, 2)}\n`);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'translations-api-'));
    write('packages/ui/src/locales/en/common.json', {
      greeting: 'Hello {{name}}',
      farewell: 'Goodbye',
      thanks: 'Thank you',
      link: 'Read <0>the notice</0>',
      items_one: 'one item',
      items_other: '{{count}} items',
    });
    write('packages/ui/src/locales/km/common.json', {
      greeting: 'សួស្តី {{name}}',
      farewell: 'លាហើយ',
      thanks: 'អរគុណ',
      items_other: '{{count}} ធាតុ',
    });
    write('apps/secretariat/src/locales/en/shell.json', { title: 'Secretariat' });
    write('packages/ui/src/translation-review/km.json', {
      'ui:common.farewell': {
        source: sourceHash('Goodbye'),
        status: 'reviewed',
        reviewedBy: 'Sophea',
        reviewedAt: '2026-12-01T00:00:00.000Z',
      },
      'ui:common.greeting': { source: sourceHash('Hello {{name}}'), status: 'draft' },
      // Reviewed against an English text that has since changed.
      'ui:common.thanks': {
        source: sourceHash('Thanks'),
        status: 'reviewed',
        reviewedBy: 'Sophea',
        reviewedAt: '2026-12-01T00:00:00.000Z',
      },
    });
    process.env.TRANSLATIONS_ROOT = root;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TRANSLATIONS_ROOT;
    else process.env.TRANSLATIONS_ROOT = previous;
    clearTranslationsCache();
    rmSync(root, { recursive: true, force: true });
  });

  const states = async (filter: 'all' | 'unreviewed' | 'missing' | 'changed') =>
    Object.fromEntries(
      (await secretariat.caller.translations.list({ locale: 'km', filter })).rows.map((r) => [
        `${r.scope}:${r.key}`,
        r.state,
      ]),
    );

  it('gives each key its state from the files and the recorded status; filters select by state', async () => {
    expect(await states('all')).toEqual({
      'ui:common.greeting': 'draft',
      'ui:common.farewell': 'reviewed',
      'ui:common.thanks': 'changed',
      'ui:common.link': 'missing',
      // Khmer has one plural form.
      'ui:common.items_other': 'draft',
      'secretariat:shell.title': 'missing',
    });
    expect(await states('unreviewed')).toEqual({
      'ui:common.greeting': 'draft',
      'ui:common.thanks': 'changed',
      'ui:common.link': 'missing',
      'ui:common.items_other': 'draft',
      'secretariat:shell.title': 'missing',
    });
    expect(await states('missing')).toEqual({
      'ui:common.link': 'missing',
      'secretariat:shell.title': 'missing',
    });
    expect(await states('changed')).toEqual({ 'ui:common.thanks': 'changed' });
    const { rows } = await secretariat.caller.translations.list({ locale: 'km', search: 'farewell' });
    expect(rows[0]).toMatchObject({
      english: 'Goodbye',
      translation: 'លាហើយ',
      reviewedBy: 'Sophea',
      reviewedAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('counts per locale', async () => {
    const km = (await secretariat.caller.translations.locales()).find((l) => l.code === 'km');
    expect(km).toMatchObject({ keys: 6, translated: 4, reviewed: 1, changed: 1 });
    const fil = (await secretariat.caller.translations.locales()).find((l) => l.code === 'fil');
    // Filipino has two plural forms and no files in this tree.
    expect(fil).toMatchObject({ keys: 7, translated: 0, reviewed: 0, changed: 0 });
  });

  it('translates a missing key with its tags kept; approving as is needs a text', async () => {
    expect(
      (
        await rejection(
          secretariat.caller.translations.approveAsIs({ locale: 'km', scope: 'ui', key: 'common.link' }),
        )
      ).message,
    ).toBe('validation.nothingToApprove');
    const refused = await rejection(
      secretariat.caller.translations.approve({
        locale: 'km',
        scope: 'ui',
        key: 'common.link',
        text: 'អាន សេចក្តីជូនដំណឹង',
      }),
    );
    expect((refused as unknown as { fieldErrors: unknown }).fieldErrors).toEqual({
      text: ['validation.placeholdersDiffer'],
    });
    const row = await secretariat.caller.translations.approve({
      locale: 'km',
      scope: 'ui',
      key: 'common.link',
      text: 'អាន <0>សេចក្តីជូនដំណឹង</0>',
    });
    expect(row.state).toBe('reviewed');
    expect(await states('missing')).toEqual({ 'secretariat:shell.title': 'missing' });
  });
});

describe('placeholder rule', () => {
  it('matches every token of the English once, in any order; a plural form may leave out {{count}}', () => {
    expect(placeholderDifference('{{a}} and {{b}}', '{{b}} then {{ a }}')).toBeNull();
    expect(placeholderDifference('{{a}} {{a}}', '{{a}}')).toEqual({ missing: ['{{a}}'], unknown: [] });
    expect(placeholderDifference('$t(common.x) <1>y</1>', '<1>y</1>')).toEqual({
      missing: ['$t(common.x)'],
      unknown: [],
    });
    expect(placeholderDifference('{{count}} items', 'many items', 'items_other')).toBeNull();
    expect(placeholderDifference('{{count}} items', 'many items', 'items')).toEqual({
      missing: ['{{count}}'],
      unknown: [],
    });
  });
});
