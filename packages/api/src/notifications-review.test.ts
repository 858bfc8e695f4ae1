import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLE_PHASES, type CycleStage } from '@musyawarah/core';
import { runCommentPeriodReminders } from './notifications/review';
import { createTestApi, type TestApi } from './test-support';

let api: TestApi;
type Session = Awaited<ReturnType<TestApi['signedIn']>>;
let secretariat: Session;
let frameworkVersion: number;
const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
  const saved = await secretariat.caller.review.saveFramework({
    document: {
      title: 'Regional Review Framework',
      criteria: [{ key: 'relevance', name: 'Relevance', description: 'Still answers the region’s needs.' }],
      metrics: [],
      timeline: CYCLE_PHASES.map((phase) => ({ phase, durationDays: 14 })),
    },
    expectedVersion: (await secretariat.caller.review.framework())?.version ?? null,
  });
  frameworkVersion = saved.version;
});
afterAll(async () => api.close());

/** A cycle whose comment period is planned to end tomorrow (so comment-period reminders are due). */
async function cycleIn(target: CycleStage, audience: 'all_participants' | 'member_states') {
  const phases = CYCLE_PHASES.map((phase, i) => {
    const commentIndex = CYCLE_PHASES.indexOf('comment_period');
    const offset = (i - commentIndex) * 10;
    return { phase, plannedStart: day(offset - 8), plannedEnd: day(offset + 1) };
  });
  const cycle = await secretariat.caller.review.createCycle({
    title: { en: 'Review for the Member States' },
    frameworkVersion,
    audience,
    publicationDate: day(60),
    phases,
  });
  let stage: CycleStage = 'not_started';
  while (stage !== target) {
    if (stage === 'drafting') {
      await secretariat.caller.review.createEdit({
        cycleId: cycle.id,
        payload: {
          kind: 'changeActionAreaTitle',
          actionAreaId: 'C3.3',
          title: 'Review the Roadmap together',
        },
        rationale: 'Asked for by the states.',
        motivations: [],
      });
    }
    stage = (
      await secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: stage as never })
    ).stage;
  }
  return cycle;
}

describe(`review cycle news (${dbLabel})`, () => {
  it('a cycle for Member States tells its representatives who follow it of a phase change, never a stakeholder who follows it', async () => {
    const cycle = await cycleIn('call_for_input', 'member_states');
    const stakeholder = await api.signedIn('stakeholder');
    const representative = await api.signedIn('member_state', { memberState: 'ID' });
    await stakeholder.caller.notifications.follow({ subjectType: 'review_cycle', subjectId: cycle.id });
    await representative.caller.notifications.follow({ subjectType: 'review_cycle', subjectId: cycle.id });
    await secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'call_for_input' });
    const items = (await representative.caller.notifications.list()).items;
    expect(items.map((n) => [n.event, n.params.phase])).toEqual([['review.phaseChanged', 'assessment']]);
    expect((await stakeholder.caller.notifications.list()).items).toEqual([]);
  });

  it('tells representatives of a state that took a position of new comments, and of the Secretariat’s answer to their position', async () => {
    const cycle = await cycleIn('comment_period', 'all_participants');
    const indonesia = await api.signedIn('member_state', { memberState: 'ID' });
    const malaysia = await api.signedIn('member_state', { memberState: 'MY' });
    const stakeholder = await api.signedIn('stakeholder');
    const {
      edits: [edit],
    } = await indonesia.caller.review.edits({ cycleId: cycle.id });
    const position = await indonesia.caller.review.recordPosition({
      editId: edit!.id,
      memberState: 'ID',
      kind: 'support',
    });
    await stakeholder.caller.review.addComment({ editId: edit!.id, body: 'Please also name civil society.' });
    await secretariat.caller.review.answerPosition({ id: position.id, answer: 'Noted, thank you.' });
    expect((await indonesia.caller.notifications.list()).items.map((n) => n.event)).toEqual([
      'edit.answered',
      'edit.commented',
    ]);
    // Malaysia took no position on it: no comment news.
    expect((await malaysia.caller.notifications.list()).items).toEqual([]);
  });

  it('reminds representatives of states without a position before the comment period ends, once however often it runs', async () => {
    const cycle = await cycleIn('comment_period', 'member_states');
    const thailand = await api.signedIn('member_state', { memberState: 'TH' });
    const vietnam = await api.signedIn('member_state', { memberState: 'VN' });
    const {
      edits: [edit],
    } = await vietnam.caller.review.edits({ cycleId: cycle.id });
    await vietnam.caller.review.recordPosition({ editId: edit!.id, memberState: 'VN', kind: 'support' });
    await runCommentPeriodReminders(api.services);
    await runCommentPeriodReminders(api.services);
    const reminders = (await thailand.caller.notifications.list()).items.filter(
      (n) => n.event === 'reminder.commentPeriodEnding' && n.params.title !== null,
    );
    expect(reminders.filter((n) => n.link.endsWith(cycle.id))).toHaveLength(1);
    expect(
      (await vietnam.caller.notifications.list()).items.filter((n) => n.link.endsWith(cycle.id)),
    ).toEqual([]);
  });
});
