import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { linkTokenField } from '@musyawarah/core';
import {
  consumeEmailToken,
  createEmailToken,
  generateLinkToken,
  hashToken,
  issueEmailToken,
  LINK_TTL_MS,
  peekEmailToken,
} from './index';
import { dbLabel, insertTestUser } from './test-support';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('link tokens', () => {
  it('have the shape the API input schema accepts', () => {
    for (let i = 0; i < 50; i += 1) {
      const token = generateLinkToken();
      expect(token).toMatch(/^[a-z2-7]{32}$/);
      expect(linkTokenField.safeParse(token).success).toBe(true);
    }
  });

  it('live 48 hours to confirm an e-mail, 7 days for an invitation, 1 hour to reset a password', () => {
    expect(LINK_TTL_MS).toEqual({
      confirm_email: 48 * 3600_000,
      invitation: 7 * 24 * 3600_000,
      password_reset: 3600_000,
    });
  });
});

describe(`e-mail link tokens (${dbLabel})`, () => {
  it('stores only the hash, peeks without consuming, and works exactly once', async () => {
    const userId = await insertTestUser(t.db, 'pending_verification');
    const token = await createEmailToken(t.db, userId, 'confirm_email');
    const rows = await t.db.selectFrom('email_token').selectAll().where('user_id', '=', userId).execute();
    expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await peekEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: true, userId });
    expect(await peekEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: true, userId });
    expect(await consumeEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: true, userId });
    expect(await consumeEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: false, reason: 'used' });
    expect(await peekEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: false, reason: 'used' });
  });

  it('is invalid for another purpose, when unknown or malformed', async () => {
    const userId = await insertTestUser(t.db);
    const token = await createEmailToken(t.db, userId, 'password_reset');
    expect(await consumeEmailToken(t.db, token, 'confirm_email')).toEqual({ ok: false, reason: 'invalid' });
    expect(await peekEmailToken(t.db, token, 'invitation')).toEqual({ ok: false, reason: 'invalid' });
    expect(await consumeEmailToken(t.db, generateLinkToken(), 'password_reset')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await consumeEmailToken(t.db, 'short', 'password_reset')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await consumeEmailToken(t.db, hashToken(token), 'password_reset')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    // The wrong-purpose attempts did not use it up.
    expect(await consumeEmailToken(t.db, token, 'password_reset')).toEqual({ ok: true, userId });
  });

  it('expires after its lifetime', async () => {
    const userId = await insertTestUser(t.db);
    const issued = new Date('2026-05-01T08:00:00Z');
    const token = await createEmailToken(t.db, userId, 'password_reset', issued);
    const justBefore = new Date(issued.getTime() + LINK_TTL_MS.password_reset - 1000);
    const atExpiry = new Date(issued.getTime() + LINK_TTL_MS.password_reset);
    expect(await peekEmailToken(t.db, token, 'password_reset', justBefore)).toEqual({ ok: true, userId });
    expect(await peekEmailToken(t.db, token, 'password_reset', atExpiry)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await consumeEmailToken(t.db, token, 'password_reset', atExpiry)).toEqual({
      ok: false,
      reason: 'expired',
    });
    // A failed attempt after expiry does not mark it used.
    const row = await t.db
      .selectFrom('email_token')
      .select('used_at')
      .where('id', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it('a new link invalidates earlier unused links of the same purpose only', async () => {
    const userId = await insertTestUser(t.db);
    const first = await createEmailToken(t.db, userId, 'password_reset');
    const invitation = await createEmailToken(t.db, userId, 'invitation');
    const second = await createEmailToken(t.db, userId, 'password_reset');
    expect(await consumeEmailToken(t.db, first, 'password_reset')).toEqual({ ok: false, reason: 'invalid' });
    expect(await peekEmailToken(t.db, invitation, 'invitation')).toEqual({ ok: true, userId });
    expect(await consumeEmailToken(t.db, second, 'password_reset')).toEqual({ ok: true, userId });
    // A used link stays "used" (not "invalid") after yet another request.
    await createEmailToken(t.db, userId, 'password_reset');
    expect(await consumeEmailToken(t.db, second, 'password_reset')).toEqual({ ok: false, reason: 'used' });
  });

  it('of two concurrent requests for a link, only one link stays valid', async () => {
    const userId = await insertTestUser(t.db);
    const tokens = await Promise.all([1, 2, 3].map(() => createEmailToken(t.db, userId, 'confirm_email')));
    const checks = await Promise.all(tokens.map((token) => peekEmailToken(t.db, token, 'confirm_email')));
    expect(checks.filter((c) => c.ok)).toHaveLength(1);
  });

  it('two concurrent uses of one link: exactly one succeeds, the other is told it was used', async () => {
    const userId = await insertTestUser(t.db);
    // Several rounds, so that on PostgreSQL (separate connections) the race really happens at least once.
    for (let round = 0; round < 10; round += 1) {
      const token = await createEmailToken(t.db, userId, 'invitation');
      const results = await Promise.all([
        consumeEmailToken(t.db, token, 'invitation'),
        consumeEmailToken(t.db, token, 'invitation'),
      ]);
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, userId }]);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
    }
  });

  it('inside a transaction that rolls back, the link stays unused', async () => {
    const userId = await insertTestUser(t.db);
    const token = await createEmailToken(t.db, userId, 'password_reset');
    await expect(
      t.db.transaction().execute(async (tx) => {
        expect(await consumeEmailToken(tx, token, 'password_reset')).toEqual({ ok: true, userId });
        throw new Error('setting the password failed');
      }),
    ).rejects.toThrow('setting the password failed');
    expect(await consumeEmailToken(t.db, token, 'password_reset')).toEqual({ ok: true, userId });
  });

  it("a deleted account's links no longer work", async () => {
    const userId = await insertTestUser(t.db);
    const token = await createEmailToken(t.db, userId, 'password_reset');
    await t.db.updateTable('user_account').set({ status: 'deleted' }).where('id', '=', userId).execute();
    expect(await peekEmailToken(t.db, token, 'password_reset')).toEqual({ ok: false, reason: 'invalid' });
    expect(await consumeEmailToken(t.db, token, 'password_reset')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe(`links issued without revealing whether anyone gets them (${dbLabel})`, () => {
  it('for an account: the new link works and the earlier one stops; for nobody: nothing is stored', async () => {
    const userId = await insertTestUser(t.db, 'pending_verification');
    const first = generateLinkToken();
    await issueEmailToken(t.db, userId, 'confirm_email', first);
    const second = generateLinkToken();
    await issueEmailToken(t.db, userId, 'confirm_email', second);
    expect(await peekEmailToken(t.db, first, 'confirm_email')).toEqual({ ok: false, reason: 'invalid' });
    expect(await consumeEmailToken(t.db, second, 'confirm_email')).toEqual({ ok: true, userId });

    const nobody = generateLinkToken();
    await issueEmailToken(t.db, null, 'password_reset', nobody);
    const stored = await t.db
      .selectFrom('email_token')
      .select('id')
      .where('id', '=', hashToken(nobody))
      .execute();
    expect(stored).toEqual([]);
  });
});
