import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrations } from './migrations';
import { findReviewCycle } from './repositories/review';
import { insertReviewCycle, updateReviewCycle } from './repositories/review-cycles';
import { insertUser } from './repositories/users';
import { openTestDatabase, type TestDatabase } from './testing';

const MIGRATION = '2026_12_05_0002_review_localized_text';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await t.db
    .insertInto('review_framework')
    .values({ version: 1, document: JSON.stringify({ title: 'Framework' }) })
    .execute();
});
afterAll(async () => t.close());

const values = {
  framework_version: 1,
  base_edition_number: 1,
  audience: 'all_participants' as const,
  publication_date: '2027-06-01',
  updated_at: new Date(),
};

describe(`migration ${MIGRATION}`, () => {
  it('turns existing titles and descriptions into their English, keeps a missing description null, and back', async () => {
    const migration = migrations[MIGRATION]!;
    await migration.down!(t.db);
    const inserted = await sql<{
      id: string;
    }>`insert into review_cycle (title, description, framework_version, base_edition_number, audience, publication_date)
      values ('First review', 'Why we review', 1, 1, 'all_participants', '2027-06-01'),
             ('Second review', null, 1, 1, 'member_states', '2027-06-01')
      returning id`.execute(t.db);
    const [first, second] = inserted.rows;
    await migration.up(t.db);
    expect(await findReviewCycle(t.db, first!.id)).toMatchObject({
      title: { en: 'First review' },
      description: { en: 'Why we review' },
    });
    expect(await findReviewCycle(t.db, second!.id)).toMatchObject({
      title: { en: 'Second review' },
      description: null,
    });

    // Down keeps the English text; up again restores the objects.
    await migration.down!(t.db);
    const plain = await sql<{
      title: string;
      description: string | null;
    }>`select title, description from review_cycle where id = ${first!.id}`.execute(t.db);
    expect(plain.rows[0]).toEqual({ title: 'First review', description: 'Why we review' });
    await migration.up(t.db);
    expect((await findReviewCycle(t.db, first!.id))?.title).toEqual({ en: 'First review' });
  });

  it('refuses a title or description without its English text', async () => {
    await expect(
      sql`insert into review_cycle (title, framework_version, base_edition_number, audience, publication_date)
        values ('{"km": "ការពិនិត្យ"}'::jsonb, 1, 1, 'all_participants', '2027-06-01')`.execute(t.db),
    ).rejects.toThrow();
    await expect(
      sql`insert into review_cycle (title, description, framework_version, base_edition_number, audience, publication_date)
        values ('{"en": "Review"}'::jsonb, '"Just a string"'::jsonb, 1, 1, 'all_participants', '2027-06-01')`.execute(
        t.db,
      ),
    ).rejects.toThrow();
  });
});

describe('review cycle repository', () => {
  it('writes and reads the title and description per language', async () => {
    const officer = await insertUser(t.db, {
      email: 'officer@example.org',
      name: 'Officer',
      role: 'secretariat',
    });
    const created = await insertReviewCycle(t.db, {
      ...values,
      title: { en: 'Third review', km: 'ការពិនិត្យលើកទីបី' },
      description: null,
      created_by: officer.id,
    });
    expect(created.title).toEqual({ en: 'Third review', km: 'ការពិនិត្យលើកទីបី' });
    expect(created.description).toBeNull();
    const updated = await updateReviewCycle(t.db, created.id, created.version, {
      ...values,
      title: { en: 'Third review', th: 'การทบทวนครั้งที่สาม' },
      description: { en: 'Why', km: 'ហេតុអ្វី' },
    });
    expect(updated).toMatchObject({
      title: { en: 'Third review', th: 'การทบทวนครั้งที่สาม' },
      description: { en: 'Why', km: 'ហេតុអ្វី' },
    });
    expect((await findReviewCycle(t.db, created.id))?.title).toEqual({
      en: 'Third review',
      th: 'การทบทวนครั้งที่สาม',
    });
  });
});
