// Moderation beyond hiding (issue #14): a report dismissed with a note leaves the contribution shown; the author hears
// when a response is published and when a hidden contribution is shown again.
import { randomUUID } from 'node:crypto';
import { listOutboxMail } from '@musyawarah/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, rejection, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

async function submitted() {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Moderated round' },
    description: { en: 'Feedback' },
    format: 'online_consultation',
    audience: 'public',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  const author = await api.signedIn('stakeholder');
  const receipt = await author.caller.contributions.submit({
    roundId: round.id,
    idempotencyKey: randomUUID(),
    answers: {},
    items: [{ type: 'concern', text: 'Rural connectivity' }],
    stakeholderGroup: 'civil_society',
    writtenIn: 'en',
    namedPublicly: false,
  });
  const [contribution] = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
  return { round, author, receipt, contribution: contribution! };
}

const mailsTo = (address: string) => listOutboxMail(api.db, { limit: 50, toAddress: address });

describe(`moderation notices (${dbLabel})`, () => {
  it('dismisses a report with a note: the contribution stays public and no longer counts as awaiting moderation', async () => {
    const { round, contribution } = await submitted();
    const reporter = await api.signedIn('stakeholder');
    await reporter.caller.contributions.report({ contributionId: contribution.id, reason: 'spam' } as never);
    expect(
      (await secretariat.caller.home.secretariat()).moderation.find((m) => m.roundId === round.id),
    ).toMatchObject({
      reported: 1,
    });

    await secretariat.caller.contributions.dismissReports({
      contributionId: contribution.id,
      note: 'Not spam: a genuine concern.',
    });
    const [after] = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
    expect(after).toMatchObject({ openReports: 0, hidden: false });
    // The moderator sees what was reported and why it was dismissed, by whom; never who reported it.
    expect(after!.reports).toEqual([
      {
        id: expect.any(String),
        reason: 'spam',
        note: null,
        reportedAt: expect.any(Date),
        resolvedAt: expect.any(Date),
        resolution: 'dismissed',
        resolutionNote: 'Not spam: a genuine concern.',
        resolvedByName: secretariat.user.name,
      },
    ]);
    expect(JSON.stringify(after!.reports)).not.toContain(reporter.user.id);
    const visitor = (await api.call()).caller;
    expect((await visitor.contributions.listPublic({ roundId: round.id })) as unknown[]).toHaveLength(1);
    expect(
      (await secretariat.caller.home.secretariat()).moderation.find((m) => m.roundId === round.id)
        ?.reported ?? 0,
    ).toBe(0);
    const stored = await api.db
      .selectFrom('contribution_report')
      .select(['resolution_note', 'resolved_by'])
      .where('contribution_id', '=', contribution.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      resolution_note: 'Not spam: a genuine concern.',
      resolved_by: secretariat.user.id,
    });

    const again = await rejection(
      secretariat.caller.contributions.dismissReports({ contributionId: contribution.id, note: 'again' }),
    );
    expect([again.code, again.message]).toEqual(['CONFLICT', 'worksurface.moderation.noOpenReports']);
    const empty = await rejection(
      secretariat.caller.contributions.dismissReports({ contributionId: contribution.id, note: '  ' }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
  });

  it('mails the author once when a response is first published, not when its wording is corrected', async () => {
    const { author, receipt, contribution } = await submitted();
    const before = (await mailsTo(author.user.email)).length;
    await secretariat.caller.contributions.respond({ contributionId: contribution.id, text: 'Thank you.' });
    const mails = await mailsTo(author.user.email);
    expect(mails).toHaveLength(before + 1);
    // one mail, through the author's notification preferences (immediately by default)
    expect(mails[0]!.subject).toContain(`answered your feedback ${receipt.receiptReference}`);
    expect(mails[0]!.text_body).toContain('http://localhost:3000/');
    await secretariat.caller.contributions.respond({ contributionId: contribution.id, text: 'Thank you!' });
    expect(await mailsTo(author.user.email)).toHaveLength(before + 1);
  });

  it('mails the author when a hidden contribution is shown again', async () => {
    const { author, receipt, contribution } = await submitted();
    await secretariat.caller.contributions.hide({ contributionId: contribution.id, reason: 'spam' } as never);
    await secretariat.caller.contributions.unhide({ contributionId: contribution.id });
    const [latest] = await mailsTo(author.user.email);
    expect(latest!.subject).toContain(`Your feedback ${receipt.receiptReference}`);
    expect(latest!.subject).toContain('is shown again');
  });
});
