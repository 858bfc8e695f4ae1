import type { Executor } from '../client';
import { writeAudit } from '../audit';
import { findUserByEmail } from '../repositories/users';

const DAY = 86_400_000;
const dayOf = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const at = (offsetDays: number, hourUtc: number) => {
  const d = new Date(Date.now() + offsetDays * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

/**
 * Demo advisory board, run inside the demo seed's transaction after the demo accounts exist. Only the three demo
 * accounts hold seats (the demo has no other people): the stakeholder represents civil society and women, the
 * Indonesian representative government, the Secretariat observes. The "at least one industry seat" target is therefore
 * unmet, which is what the monitor should show. Dates are relative to today so the demo always has an upcoming session.
 */
export async function seedDemoBoards(tx: Executor): Promise<void> {
  const [secretariat, representative, stakeholder] = await Promise.all([
    findUserByEmail(tx, 'secretariat@example.org'),
    findUserByEmail(tx, 'member-state.id@example.org'),
    findUserByEmail(tx, 'stakeholder@example.org'),
  ]);
  if (!secretariat || !representative || !stakeholder) return;
  const audit = { actorUserId: null };

  const board = await tx
    .insertInto('advisory_board')
    .values({
      name: JSON.stringify({
        en: 'Demo: ASEAN Regional AI Advisory Board',
        id: 'Demo: Dewan Penasihat AI Regional ASEAN',
      }),
      scope: 'regional',
      member_state_code: null,
      mandate: JSON.stringify({
        en:
          'This is a demonstration board. Under Roadmap action C2.1.1 it brings representatives of vulnerable, at-risk or ' +
          'marginalised communities together with industry to advise on local AI needs and priorities, and on how ' +
          'consultation feedback is built into ASEAN AI policies and initiatives.',
      }),
      status: 'active',
      action_ids: ['C2.1', 'C2.1.1', 'C2.3'],
      life_starts_on: dayOf(-180),
      life_ends_on: dayOf(3 * 365),
      seat_capacity: 12,
      targets: JSON.stringify([
        {
          kind: 'min_share',
          constituencies: [
            'persons_with_disabilities',
            'indigenous_peoples',
            'women',
            'youth',
            'older_persons',
            'rural_communities',
            'ethnic_religious_minorities',
            'migrant_workers',
            'lgbtiq',
            'low_income_communities',
          ],
          minPercent: 40,
        },
        { kind: 'min_count', constituency: 'industry', minCount: 1 },
        { kind: 'max_per_member_state', maxSeats: 2 },
        { kind: 'max_gender_share', maxPercent: 60 },
      ]),
      selection_criteria: JSON.stringify([
        {
          key: 'lived_experience',
          label: { en: 'Lived experience of the community represented' },
          weight: 3,
        },
        {
          key: 'community_mandate',
          label: { en: 'Mandate from or accountability to that community' },
          weight: 2,
        },
        {
          key: 'ai_policy_interest',
          label: { en: 'Interest in AI policy and willingness to train' },
          weight: 1,
        },
      ]),
      published: true,
      created_by: secretariat.id,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(tx, audit, {
    action: 'board.seed_demo',
    entityType: 'advisory_board',
    entityId: board.id,
    after: board,
  });

  const seat = (values: {
    userId: string;
    role: 'chair' | 'vice_chair' | 'member' | 'observer';
    constituencies: string[];
    memberState: 'PH' | 'ID' | null;
    organisation: string | null;
    gender: string | null;
    listed: boolean;
    startsOn: string;
    endsOn: string;
    ended?: { on: string; reason: string };
  }) => ({
    board_id: board.id,
    user_id: values.userId,
    role: values.role,
    constituencies: values.constituencies,
    member_state_code: values.memberState,
    organisation: values.organisation,
    gender: values.gender,
    conflict_of_interest: 'None declared.',
    listed_publicly: values.listed,
    term_starts_on: values.startsOn,
    term_ends_on: values.endsOn,
    ended_on: values.ended?.on ?? null,
    ended_at: values.ended ? new Date(Date.parse(`${values.ended.on}T00:00:00Z`)) : null,
    end_reason: values.ended?.reason ?? null,
    created_by: secretariat.id,
    updated_at: new Date(),
  });
  await tx
    .insertInto('board_seat')
    .values([
      seat({
        userId: stakeholder.id,
        role: 'member',
        constituencies: ['civil_society', 'women'],
        memberState: 'PH',
        organisation: 'Digital Rights Collective Manila',
        gender: 'woman',
        listed: true,
        startsOn: dayOf(-150),
        endsOn: dayOf(2 * 365),
      }),
      // History: the Indonesian representative first observed, then took a government seat.
      seat({
        userId: representative.id,
        role: 'observer',
        constituencies: ['government'],
        memberState: 'ID',
        organisation: null,
        gender: null,
        listed: false,
        startsOn: dayOf(-180),
        endsOn: dayOf(365),
        ended: { on: dayOf(-90), reason: 'other' },
      }),
      seat({
        userId: representative.id,
        role: 'vice_chair',
        constituencies: ['government'],
        memberState: 'ID',
        organisation: null,
        gender: 'man',
        listed: true,
        startsOn: dayOf(-90),
        endsOn: dayOf(2 * 365),
      }),
      seat({
        userId: secretariat.id,
        role: 'observer',
        constituencies: ['government'],
        memberState: null,
        organisation: 'ASEAN Secretariat',
        gender: null,
        listed: false,
        startsOn: dayOf(-180),
        endsOn: dayOf(3 * 365),
      }),
    ])
    .execute();

  const call = await tx
    .insertInto('board_call')
    .values({
      board_id: board.id,
      description: JSON.stringify({
        en: 'Demo call: the board is looking for industry representatives and for people representing persons with disabilities, indigenous peoples and rural communities.',
      }),
      opens_at: at(-14, 0),
      closes_at: at(30, 16),
      created_by: secretariat.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('board_nomination')
    .values({
      call_id: call.id,
      board_id: board.id,
      applicant_user_id: stakeholder.id,
      is_self: false,
      nominee_name: 'Dewi Lestari',
      nominee_email: 'dewi.lestari@example.org',
      constituencies: ['industry'],
      member_state_code: 'ID',
      organisation: 'Nusantara AI Industry Association',
      motivation:
        'Dewi leads the association’s work on responsible AI for small businesses and has run community tech clinics in rural Java.',
      scores: JSON.stringify({}),
      updated_at: new Date(),
    })
    .execute();

  const [past] = await tx
    .insertInto('board_session')
    .values({
      board_id: board.id,
      kind: 'inaugural',
      mode: 'hybrid',
      method: 'workshop',
      title: JSON.stringify({ en: 'Inaugural meeting: goals and scope of the board' }),
      starts_at: at(-12, 2),
      ends_at: at(-12, 5),
      venue: 'ASEAN Secretariat, Jakarta',
      link: 'https://meet.example.org/asean-ai-board',
      languages: ['en', 'id'],
      accommodations: ['interpretation', 'captioning'],
      agenda: JSON.stringify([
        { id: '9a4f1c1e-7d2b-4c53-9a6e-1f2d3c4b5a61', title: 'Introductions', actionId: 'C2.1.1' },
        {
          id: '9a4f1c1e-7d2b-4c53-9a6e-1f2d3c4b5a62',
          title: 'Goals and scope of the advisory role',
          actionId: 'C2.1.1',
        },
      ]),
      action_ids: ['C2.1.1'],
      minutes:
        'Members introduced themselves and the communities they represent. The board agreed to hold quarterly consultation sessions and to start with AI in public services.',
      outcomes: 'Quarterly sessions; first topic: AI in public services; a call for industry members.',
      minutes_visibility: 'public',
      minutes_published_at: at(-10, 0),
      created_by: secretariat.id,
      updated_at: new Date(),
    })
    .returningAll()
    .execute();
  const [upcoming] = await tx
    .insertInto('board_session')
    .values({
      board_id: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'focus_group',
      title: JSON.stringify({ en: 'Consultation: AI in public services and your communities' }),
      starts_at: at(10, 2),
      ends_at: at(10, 4),
      venue: null,
      link: 'https://meet.example.org/asean-ai-board',
      languages: ['en', 'fil', 'id'],
      accommodations: ['sign_language', 'captioning', 'interpretation'],
      agenda: JSON.stringify([
        {
          id: '2b7e5d40-3c1a-4f8e-b6d9-0e1f2a3b4c51',
          title: 'Where AI already meets your community',
          actionId: 'C2.1.1',
        },
        {
          id: '2b7e5d40-3c1a-4f8e-b6d9-0e1f2a3b4c52',
          title: 'Risks for vulnerable groups',
          actionId: 'C2.3',
        },
      ]),
      action_ids: ['C2.1.1', 'C2.3'],
      created_by: secretariat.id,
      updated_at: new Date(),
    })
    .returningAll()
    .execute();
  if (!past || !upcoming) return;

  await tx
    .insertInto('board_session_invitation')
    .values([
      { session_id: past.id, user_id: stakeholder.id, rsvp: 'yes', rsvp_at: at(-15, 0) },
      { session_id: past.id, user_id: representative.id, rsvp: 'maybe', rsvp_at: at(-15, 0) },
      { session_id: upcoming.id, user_id: stakeholder.id, rsvp: null, rsvp_at: null },
      { session_id: upcoming.id, user_id: representative.id, rsvp: 'yes', rsvp_at: at(-1, 0) },
    ])
    .execute();
  await tx
    .insertInto('board_attendance')
    .values([
      {
        session_id: past.id,
        user_id: stakeholder.id,
        status: 'present',
        recorded_by: secretariat.id,
        recorded_at: at(-11, 0),
      },
      {
        session_id: past.id,
        user_id: representative.id,
        status: 'excused',
        recorded_by: secretariat.id,
        recorded_at: at(-11, 0),
      },
      {
        session_id: past.id,
        user_id: secretariat.id,
        status: 'present',
        recorded_by: secretariat.id,
        recorded_at: at(-11, 0),
      },
    ])
    .execute();
  await tx
    .insertInto('board_session_input')
    .values({
      session_id: past.id,
      user_id: stakeholder.id,
      agenda_item_id: '9a4f1c1e-7d2b-4c53-9a6e-1f2d3c4b5a62',
      action_id: 'C2.1.1',
      text: 'Please include women-led community organisations from rural provinces in every consultation, with interpretation.',
    })
    .execute();
  await tx
    .insertInto('board_training')
    .values({
      board_id: board.id,
      user_id: stakeholder.id,
      course: 'Introduction to AI policy-making in ASEAN',
      taken_on: dayOf(-60),
      completed: true,
      recorded_by: secretariat.id,
      updated_at: new Date(),
    })
    .execute();
}
