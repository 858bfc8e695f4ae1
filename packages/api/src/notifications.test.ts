import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutboxMail } from '@musyawarah/db';
import { BUILT_IN_SCHEDULES, platformJobHandlers, startJobRunner } from './jobs';
import { runDigests } from './notifications/digests';
import { runRoundReminders, runRoundSchedule } from './notifications/rounds';
import { signingKeyOf, signUnsubscribeToken } from './notifications/unsubscribe-token';
import { createTestApi, rejection, TEST_PASSWORD, type TestApi } from './test-support';

let api: TestApi;
type Session = Awaited<ReturnType<TestApi['signedIn']>>;
let secretariat: Session;
const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publishedRound(overrides: Record<string, unknown> = {}) {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Consultation on AI advisory boards', km: 'ការពិគ្រោះយោបល់អំពីក្រុមប្រឹក្សា AI' },
    description: { en: 'How should advisory boards include marginalised communities?' },
    format: 'online_consultation',
    actionIds: ['C2.1.1'],
    audience: 'public',
    memberStates: [],
    languages: ['en'],
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
    targets: [],
    ...overrides,
  });
  await secretariat.caller.rounds.saveQuestions({
    roundId: round.id,
    questions: [{ kind: 'free_text', prompt: { en: 'What is missing?' }, required: true }],
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

async function mailsTo(email: string) {
  return listOutboxMail(api.db, { limit: 50, toAddress: email });
}

async function closeAndSummarise(roundId: string) {
  await secretariat.caller.rounds.transition({ roundId, action: 'close_early' });
  await secretariat.caller.rounds.transition({
    roundId,
    action: 'publish_summary',
    summary: { en: 'What we heard: include rural women.' },
  });
}

describe(`following a round (${dbLabel})`, () => {
  it('tells a follower of the closing and the summary, in the app and by one mail each with RFC 8058 headers; a person who does not follow hears nothing', async () => {
    const round = await publishedRound();
    const follower = await api.signedIn('stakeholder');
    const bystander = await api.signedIn('stakeholder');
    expect(
      (await follower.caller.notifications.follow({ subjectType: 'round', subjectId: round.id })).following,
    ).toBe(true);
    expect(
      (await follower.caller.notifications.followState({ subjectType: 'round', subjectId: round.id }))
        .following,
    ).toBe(true);

    await closeAndSummarise(round.id);

    const list = await follower.caller.notifications.list();
    expect(list.items.map((n) => n.event)).toEqual(['round.summaryPublished', 'round.closed']);
    expect(list.unread).toBe(2);
    expect(list.items[0]).toMatchObject({ link: `/consultations/${round.id}`, readAt: null });
    const mails = await mailsTo(follower.user.email);
    expect(mails).toHaveLength(2);
    const summaryMail = mails.find((m) => m.subject.includes('summary'))!;
    expect(summaryMail.subject).toBe('The summary of “Consultation on AI advisory boards” is published');
    expect(summaryMail.text_body).toContain(`http://localhost:3000/consultations/${round.id}`);
    expect(summaryMail.text_body).toMatch(/http:\/\/localhost:3000\/unsubscribe\?token=/);
    expect(summaryMail.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(
        /^<http:\/\/localhost:3000\/unsubscribe\/one-click\?token=.+>$/,
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    expect((await bystander.caller.notifications.list()).items).toEqual([]);
    expect(await mailsTo(bystander.user.email)).toEqual([]);
  });

  it('writes the mail in the follower’s language', async () => {
    const round = await publishedRound();
    const follower = await api.signedIn('stakeholder');
    await follower.caller.account.setLocale({ locale: 'km' });
    await follower.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await closeAndSummarise(round.id);
    const [latest] = await mailsTo(follower.user.email);
    expect(latest!.subject).toBe('សេចក្តីសង្ខេបនៃ “ការពិគ្រោះយោបល់អំពីក្រុមប្រឹក្សា AI” ត្រូវបានផ្សព្វផ្សាយ');
  });

  it('refuses to follow a round that is not published, and an unknown action area, as not found', async () => {
    const draft = await secretariat.caller.rounds.create({
      title: { en: 'Draft round' },
      description: { en: 'Not yet public.' },
      format: 'survey',
      actionIds: ['C2.1'],
      audience: 'public',
      memberStates: [],
      languages: ['en'],
      opensAt: hoursFromNow(-1),
      closesAt: hoursFromNow(48),
      targets: [],
    });
    const person = await api.signedIn('stakeholder');
    const refused = await rejection(
      person.caller.notifications.follow({ subjectType: 'round', subjectId: draft.id }),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'notifications.subjectNotFound' });
    expect(
      await rejection(person.caller.notifications.follow({ subjectType: 'action', subjectId: 'Z9.9' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(person.caller.notifications.follow({ subjectType: 'round', subjectId: 'not-a-uuid' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks one or all read, and never another person’s notification', async () => {
    const round = await publishedRound();
    const follower = await api.signedIn('stakeholder');
    const other = await api.signedIn('stakeholder');
    await follower.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await closeAndSummarise(round.id);
    const [first, second] = (await follower.caller.notifications.list()).items;
    expect(await rejection(other.caller.notifications.markRead({ notificationId: first!.id }))).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await follower.caller.notifications.markRead({ notificationId: first!.id });
    expect((await follower.caller.notifications.unreadCount()).unread).toBe(1);
    await follower.caller.notifications.markAllRead();
    expect((await follower.caller.notifications.unreadCount()).unread).toBe(0);
    expect(second).toBeDefined();
  });
});

describe(`preferences and digests (${dbLabel})`, () => {
  it('“off” keeps the notification in the app but sends no mail', async () => {
    const round = await publishedRound();
    const person = await api.signedIn('stakeholder');
    await person.caller.notifications.setPreference({ kind: 'round_update', delivery: 'off' });
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await closeAndSummarise(round.id);
    expect((await person.caller.notifications.list()).items).toHaveLength(2);
    expect(await mailsTo(person.user.email)).toEqual([]);
    expect((await person.caller.notifications.preferences()).find((p) => p.kind === 'round_update')).toEqual({
      kind: 'round_update',
      delivery: 'off',
      default: 'immediately',
    });
  });

  it('a daily choice sends nothing at once and one digest when due, and not again within the day', async () => {
    const round = await publishedRound();
    const person = await api.signedIn('stakeholder');
    await person.caller.notifications.setPreference({ kind: 'round_update', delivery: 'daily' });
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await closeAndSummarise(round.id);
    expect(await mailsTo(person.user.email)).toEqual([]);

    const now = new Date(Date.now() + 60_000);
    await runDigests(api.services, now);
    const digests = await mailsTo(person.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('Your daily summary: 2 updates');
    expect(digests[0]!.text_body).toContain(
      'The summary of “Consultation on AI advisory boards” is published',
    );
    expect(digests[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Run again at once, and after new news within the day: nothing more until a day has passed.
    await runDigests(api.services, now);
    const second = await publishedRound();
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: second.id });
    await secretariat.caller.rounds.transition({ roundId: second.id, action: 'close_early' });
    await runDigests(api.services, new Date(now.getTime() + 3_600_000));
    expect(await mailsTo(person.user.email)).toHaveLength(1);
    await runDigests(api.services, new Date(now.getTime() + 24 * 3_600_000));
    const after = await mailsTo(person.user.email);
    expect(after).toHaveLength(2);
    expect(after[0]!.subject).toBe('Your daily summary: 1 update');
  });

  it('a weekly choice gathers the week’s news into one mail a week, not a mail a day', async () => {
    const round = await publishedRound();
    const person = await api.signedIn('stakeholder');
    await person.caller.notifications.setPreference({ kind: 'round_update', delivery: 'weekly' });
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await closeAndSummarise(round.id);
    expect(await mailsTo(person.user.email)).toEqual([]);

    const start = new Date(Date.now() + 60_000);
    const daysLater = (d: number) => new Date(start.getTime() + d * 24 * 3_600_000);
    await runDigests(api.services, start);
    const [first, ...none] = await mailsTo(person.user.email);
    expect(none).toEqual([]);
    expect(first!.subject).toBe('Your weekly summary: 2 updates');
    expect(first!.text_body).toContain('“Consultation on AI advisory boards” has closed');
    expect(first!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // News during the week, with the scheduler running every day: it waits for the week to be up.
    const second = await publishedRound();
    const third = await publishedRound();
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: second.id });
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: third.id });
    await secretariat.caller.rounds.transition({ roundId: second.id, action: 'close_early' });
    await secretariat.caller.rounds.transition({ roundId: third.id, action: 'close_early' });
    for (let d = 1; d <= 6; d++) await runDigests(api.services, daysLater(d));
    expect(await mailsTo(person.user.email)).toHaveLength(1);

    await runDigests(api.services, daysLater(7));
    await runDigests(api.services, daysLater(7));
    const after = await mailsTo(person.user.email);
    expect(after).toHaveLength(2);
    expect(after[0]!.subject).toBe('Your weekly summary: 2 updates');
    // In the app, everything was listed at once.
    expect((await person.caller.notifications.list()).items).toHaveLength(4);
  });
});

describe(`one-click unsubscribe (${dbLabel})`, () => {
  function tokenOf(text: string) {
    return decodeURIComponent(text.match(/\/unsubscribe\?token=(\S+)/)![1]!);
  }

  it('the link in the mail works without signing in and stops the next mail of that kind', async () => {
    const round = await publishedRound();
    const person = await api.signedIn('stakeholder');
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'close_early' });
    const [mail] = await mailsTo(person.user.email);
    const visitor = await api.call();
    expect(await visitor.caller.notifications.unsubscribe({ token: tokenOf(mail!.text_body) })).toEqual({
      scope: 'round_update',
    });
    await secretariat.caller.rounds.transition({
      roundId: round.id,
      action: 'publish_summary',
      summary: { en: 'What we heard.' },
    });
    expect(await mailsTo(person.user.email)).toHaveLength(1);
    expect((await person.caller.notifications.list()).items).toHaveLength(2);
  });

  it('refuses a forged, altered or expired token with a field error and changes nothing', async () => {
    const person = await api.signedIn('stakeholder');
    const visitor = await api.call();
    const key = await signingKeyOf(api.db);
    const valid = signUnsubscribeToken(key, {
      userId: person.user.id,
      scope: 'round_update',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const [payload, signature] = valid.split('.');
    const otherPayload = Buffer.from(JSON.stringify([person.user.id, 'all', 9_999_999_999])).toString(
      'base64url',
    );
    const forged = [
      `${otherPayload}.${signature}`,
      `${payload}.${Buffer.alloc(32).toString('base64url')}`,
      signUnsubscribeToken(new Uint8Array(32), {
        userId: person.user.id,
        scope: 'all',
        expiresAt: new Date(Date.now() + 60_000),
      }),
      signUnsubscribeToken(key, {
        userId: person.user.id,
        scope: 'all',
        expiresAt: new Date(Date.now() - 1000),
      }),
      'garbage',
    ];
    for (const token of forged) {
      const refused = await rejection(visitor.caller.notifications.unsubscribe({ token }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
        token: ['notifications.tokenInvalid'],
      });
    }
    expect((await person.caller.notifications.preferences()).every((p) => p.delivery === p.default)).toBe(
      true,
    );
  });
});

describe(`feedback news (${dbLabel})`, () => {
  async function submitted() {
    const round = await publishedRound();
    const author = await api.signedIn('stakeholder');
    const full = await (await api.call()).caller.rounds.get({ roundId: round.id });
    const receipt = await author.caller.contributions.submit({
      roundId: round.id,
      idempotencyKey: crypto.randomUUID(),
      answers: { [full.questions[0]!.id]: 'Include rural women' },
      items: [],
      stakeholderGroup: 'civil_society',
      memberState: 'PH',
      writtenIn: 'en',
      namedPublicly: false,
    });
    return { round, author, contributionId: receipt.id, reference: receipt.receiptReference };
  }

  it('tells the author of the first answer once, and of moderation without a second mail', async () => {
    const { author, contributionId, reference } = await submitted();
    const before = (await mailsTo(author.user.email)).length; // the receipt
    await secretariat.caller.contributions.respond({ contributionId, text: 'Thank you, we will add it.' });
    await secretariat.caller.contributions.respond({ contributionId, text: 'Thank you, we will add this.' });
    let items = (await author.caller.notifications.list()).items;
    expect(items.map((n) => n.event)).toEqual(['feedback.responded']);
    expect(items[0]!.params).toMatchObject({ reference });
    expect((await mailsTo(author.user.email)).length).toBe(before + 1);

    await secretariat.caller.contributions.hide({ contributionId, reason: 'off_topic' });
    items = (await author.caller.notifications.list()).items;
    expect(items[0]!.event).toBe('feedback.hidden');
    // Only the moderation notice itself is mailed.
    expect((await mailsTo(author.user.email)).length).toBe(before + 2);
    await secretariat.caller.contributions.unhide({ contributionId });
    expect((await author.caller.notifications.list()).items[0]!.event).toBe('feedback.restored');
    expect((await mailsTo(author.user.email))[0]!.subject).toContain('is shown again');
  });
});

describe(`a new round on a followed action (${dbLabel})`, () => {
  it('tells followers of the action area the round is about (a sub-action counts for its area), and no one else', async () => {
    const areaFollower = await api.signedIn('stakeholder');
    const otherFollower = await api.signedIn('stakeholder');
    await areaFollower.caller.notifications.follow({ subjectType: 'action', subjectId: 'C2.1' });
    await otherFollower.caller.notifications.follow({ subjectType: 'action', subjectId: 'C1.1' });
    // Upcoming, so it can be unpublished below.
    const round = await publishedRound({ actionIds: ['C2.1.1'], opensAt: hoursFromNow(24) });
    const items = (await areaFollower.caller.notifications.list()).items;
    expect(items.map((n) => [n.event, n.link])).toEqual([['action.newRound', `/consultations/${round.id}`]]);
    expect((await otherFollower.caller.notifications.list()).items).toEqual([]);
    // Unpublishing and publishing again is not news again.
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'unpublish' });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    expect((await areaFollower.caller.notifications.list()).items).toHaveLength(1);
  });
});

describe(`deadline reminders for drafts (${dbLabel})`, () => {
  it('reminds each person with a saved draft once before the round closes, however often it runs; not those who submitted', async () => {
    const round = await publishedRound({ closesAt: hoursFromNow(20) });
    const full = await (await api.call()).caller.rounds.get({ roundId: round.id });
    const drafter = await api.signedIn('stakeholder');
    const submitter = await api.signedIn('stakeholder');
    const answers = { [full.questions[0]!.id]: 'Draft text' };
    const participation = {
      stakeholderGroup: 'civil_society' as const,
      memberState: 'PH' as const,
      writtenIn: 'en' as const,
      namedPublicly: false,
    };
    await drafter.caller.contributions.saveDraft({ roundId: round.id, answers, items: [], ...participation });
    await submitter.caller.contributions.submit({
      roundId: round.id,
      idempotencyKey: crypto.randomUUID(),
      answers,
      items: [],
      ...participation,
    });
    await runRoundReminders(api.services);
    await runRoundReminders(api.services);
    const reminders = (await drafter.caller.notifications.list()).items.filter(
      (n) => n.event === 'reminder.roundClosing',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.link).toBe(`/consultations/${round.id}/respond`);
    expect((await mailsTo(drafter.user.email)).filter((m) => m.subject.includes('closes soon'))).toHaveLength(
      1,
    );
    expect((await submitter.caller.notifications.list()).items).toEqual([]);
  });

  it('does not remind for a round that closes after the lead time', async () => {
    const round = await publishedRound({ closesAt: hoursFromNow(24 * 10) });
    const full = await (await api.call()).caller.rounds.get({ roundId: round.id });
    const drafter = await api.signedIn('stakeholder');
    await drafter.caller.contributions.saveDraft({
      roundId: round.id,
      answers: { [full.questions[0]!.id]: 'Later' },
      items: [],
      stakeholderGroup: 'civil_society',
      memberState: 'PH',
      writtenIn: 'en',
      namedPublicly: false,
    });
    await runRoundReminders(api.services);
    expect((await drafter.caller.notifications.list()).items).toEqual([]);
  });
});

describe(`a person's notification data (${dbLabel})`, () => {
  it('is in their data export, and removed when they delete their account', async () => {
    const round = await publishedRound();
    const person = await api.signedIn('stakeholder');
    await person.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });
    await person.caller.notifications.setPreference({ kind: 'review_phase', delivery: 'weekly' });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'close_early' });
    const exported = await person.caller.account.exportData();
    expect(exported.follows).toEqual([
      expect.objectContaining({ subjectType: 'round', subjectId: round.id }),
    ]);
    expect(exported.notifications.map((n) => n.event)).toEqual(['round.closed']);
    expect(exported.notificationPreferences).toEqual({ review_phase: 'weekly' });

    await person.caller.account.deleteAccount({ confirmEmail: person.user.email, password: TEST_PASSWORD });
    for (const table of ['notification', 'follow', 'notification_preference'] as const) {
      const rows = await api.db
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', person.user.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
  });
});

describe(`a round opening on its own clock (${dbLabel})`, () => {
  it('tells the followers of an upcoming round once when it opens, however often and overlapping the passes run', async () => {
    const round = await publishedRound({ opensAt: hoursFromNow(2), closesAt: hoursFromNow(48) });
    const follower = await api.signedIn('stakeholder');
    await follower.caller.notifications.follow({ subjectType: 'round', subjectId: round.id });

    const before = new Date();
    await runRoundSchedule(api.services, new Date(before.getTime() - 60_000), before);
    expect((await follower.caller.notifications.list()).items).toEqual([]);

    const opened = new Date(before.getTime() + 3 * 3_600_000);
    await runRoundSchedule(api.services, new Date(opened.getTime() - 24 * 3_600_000), opened);
    await runRoundSchedule(api.services, new Date(opened.getTime() - 3_600_000), opened);
    const items = (await follower.caller.notifications.list()).items;
    expect(items.map((n) => [n.event, n.link])).toEqual([['round.opened', `/consultations/${round.id}`]]);
    const mails = await mailsTo(follower.user.email);
    expect(mails.map((m) => m.subject)).toEqual([
      '“Consultation on AI advisory boards” is open for feedback',
    ]);
  });
});

describe(`scheduled by the job runner (${dbLabel})`, () => {
  it('has a handler for every built-in schedule', () => {
    const handlers = platformJobHandlers({
      smtp: null,
      from: 'test@example.org',
      logger: api.services.logger,
      notify: api.services,
    });
    for (const schedule of BUILT_IN_SCHEDULES) expect(Object.keys(handlers)).toContain(schedule.kind);
  });

  it('announces a round that closed on its own clock and reminds a draft holder, with nobody calling anything', async () => {
    const closing = await publishedRound({ opensAt: hoursFromNow(-3), closesAt: hoursFromNow(20) });
    const closed = await publishedRound({ opensAt: hoursFromNow(-3), closesAt: hoursFromNow(48) });
    const follower = await api.signedIn('stakeholder');
    await follower.caller.notifications.follow({ subjectType: 'round', subjectId: closed.id });
    const drafter = await api.signedIn('stakeholder');
    const full = await (await api.call()).caller.rounds.get({ roundId: closing.id });
    await drafter.caller.contributions.saveDraft({
      roundId: closing.id,
      answers: { [full.questions[0]!.id]: 'Half an answer' },
      items: [],
      stakeholderGroup: 'civil_society',
      memberState: 'TL',
      writtenIn: 'en',
      namedPublicly: false,
    });
    // The round's closing time passes: no request marks it, only the clock.
    await api.db
      .updateTable('consultation_round')
      .set({ closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', closed.id)
      .execute();

    const runner = startJobRunner({
      db: api.db,
      handlers: platformJobHandlers({
        smtp: null,
        from: 'test@example.org',
        logger: api.services.logger,
        notify: api.services,
      }),
      schedules: BUILT_IN_SCHEDULES,
      logger: api.services.logger,
      autoStart: false,
    });
    try {
      await runner.drain();
      await runner.drain();
    } finally {
      await runner.stop();
    }

    const heard = (await follower.caller.notifications.list()).items;
    expect(heard.map((n) => n.event)).toEqual(['round.closed']);
    expect(heard[0]!.link).toBe(`/consultations/${closed.id}`);
    expect((await mailsTo(follower.user.email)).map((m) => m.subject)).toHaveLength(1);
    const reminders = (await drafter.caller.notifications.list()).items;
    expect(reminders.map((n) => n.event)).toEqual(['reminder.roundClosing']);
  });
});
