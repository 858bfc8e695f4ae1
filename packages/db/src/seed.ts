import {
  ASSESSMENT_CRITERIA,
  getCatalogue,
  recommend,
  scoreAssessment,
  type AssessmentAnswer,
  type AssessmentAnswers,
  type MemberStateCode,
  type OrganisationKind,
  type Role,
  type StakeholderGroup,
} from '@musyawarah/core';
import type { Db, Executor } from './client';
import { findOrCreateOrganisation, upsertMemberStates } from './repositories/reference';
import { findUserByEmail, insertUser } from './repositories/users';
import { writeAudit } from './audit';
import { seedDemoBoards } from './seeds/boards';
import { seedFirstEdition } from './seeds/editions';
import { seedDemoReview } from './seeds/review';
import { seedThemeAnalysisDemoRound } from './seeds/insight';

/** Shared by every demo account; printed at start-up. Long enough to pass the password policy, never valid in production. */
export const DEMO_PASSWORD = 'asean-demo-2030';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  memberState: MemberStateCode | null;
  stakeholderGroup: StakeholderGroup | null;
  organisation: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'secretariat@example.org',
    name: 'Siti Rahmawati',
    role: 'secretariat',
    memberState: null,
    stakeholderGroup: null,
    organisation: 'ASEAN Secretariat',
  },
  {
    email: 'member-state.id@example.org',
    name: 'Budi Santoso',
    role: 'member_state',
    memberState: 'ID',
    stakeholderGroup: null,
    organisation: null,
  },
  {
    email: 'stakeholder@example.org',
    name: 'Maria Dela Cruz',
    role: 'stakeholder',
    memberState: 'PH',
    stakeholderGroup: 'civil_society',
    organisation: 'Digital Rights Collective Manila',
  },
];

const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; memberState: MemberStateCode | null }[] = [
  { name: 'ASEAN Secretariat', kind: 'international_partner', memberState: null },
  { name: 'Digital Rights Collective Manila', kind: 'civil_society', memberState: 'PH' },
  { name: 'Mekong Rural Women Network', kind: 'civil_society', memberState: 'KH' },
  { name: 'Disability Inclusion Alliance Thailand', kind: 'civil_society', memberState: 'TH' },
  { name: 'Nusantara AI Industry Association', kind: 'industry', memberState: 'ID' },
  { name: 'Universiti Teknologi Data Lab', kind: 'academia', memberState: 'MY' },
  { name: 'National Digital Agency (demo)', kind: 'government_agency', memberState: 'VN' },
  { name: 'Timor-Leste Youth Tech Forum', kind: 'civil_society', memberState: 'TL' },
];

/** Reference data every installation needs, demo or not. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await upsertMemberStates(db);
  await seedFirstEdition(db);
}

export class DemoDataRefusedError extends Error {
  constructor() {
    super('Demo accounts are refused when NODE_ENV=production: they have a published password.');
  }
}

/**
 * Demo organisations and one account per role. Idempotent: accounts that exist are left alone.
 * The password hasher is passed in because packages/auth depends on this package, not the other way round.
 */
export async function seedDemoData(
  db: Db,
  options: { hashPassword: (password: string) => Promise<string>; nodeEnv?: string | undefined },
): Promise<{ created: string[] }> {
  if (options.nodeEnv === 'production') throw new DemoDataRefusedError();
  await seedReferenceData(db);
  const created: string[] = [];
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      organisationIds.set(
        org.name,
        await findOrCreateOrganisation(tx, {
          name: org.name,
          kind: org.kind,
          memberStateCode: org.memberState,
        }),
      );
    }
    for (const account of DEMO_ACCOUNTS) {
      if (await findUserByEmail(tx, account.email)) continue;
      const user = await insertUser(tx, {
        email: account.email,
        name: account.name,
        role: account.role,
        memberStateCode: account.memberState,
        stakeholderGroup: account.stakeholderGroup,
        organisationId: account.organisation ? (organisationIds.get(account.organisation) ?? null) : null,
        passwordHash,
        status: 'active',
        emailVerifiedAt: new Date(),
        privacyConsentAt: new Date(),
        isDemo: true,
      });
      await writeAudit(
        tx,
        { actorUserId: null },
        { action: 'user.seed_demo', entityType: 'user', entityId: user.id, after: user },
      );
      created.push(account.email);
    }
    if (created.length) {
      await seedDemoAssessments(tx);
      await seedDemoRound(tx);
      await seedDemoBoards(tx);
      await seedDemoReview(tx);
      await seedThemeAnalysisDemoRound(tx);
    }
  });
  return { created };
}

/**
 * Readiness profiles for the demo's regional table. Invented, and labelled as demo data in the round text; each state's
 * answers follow a fixed pattern so every start shows the same table.
 */
const DEMO_READINESS: Partial<Record<MemberStateCode, number>> = {
  SG: 0.9,
  MY: 0.7,
  TH: 0.65,
  VN: 0.55,
  PH: 0.5,
  KH: 0.3,
  LA: 0.2,
};

function demoAnswers(level: number, salt: number): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  ASSESSMENT_CRITERIA.forEach((criterion, index) => {
    // A deterministic spread around the state's level, so pillars differ from one another.
    const wave = ((index * 37 + salt * 11) % 100) / 100;
    const answer: AssessmentAnswer = wave < level - 0.15 ? 'yes' : wave < level + 0.15 ? 'partial' : 'no';
    answers[criterion.id] = answer;
  });
  return answers;
}

async function seedDemoAssessments(tx: Executor): Promise<void> {
  let salt = 0;
  for (const [code, level] of Object.entries(DEMO_READINESS) as [MemberStateCode, number][]) {
    const answers = demoAnswers(level, salt++);
    const scored = scoreAssessment(answers);
    await tx
      .insertInto('readiness_assessment')
      .values({
        member_state_code: code,
        year: 2025,
        status: 'submitted',
        answers: JSON.stringify(answers),
        result: JSON.stringify({ ...scored, recommendations: recommend(scored, answers, getCatalogue()) }),
        submitted_at: new Date(),
      })
      .onConflict((oc) => oc.constraint('readiness_assessment_state_year').doNothing())
      .execute();
  }
}

async function seedDemoRound(tx: Executor): Promise<void> {
  const day = 86_400_000;
  const round = await tx
    .insertInto('consultation_round')
    .values({
      title: JSON.stringify({
        en: 'Demo: AI advisory boards that include marginalised communities',
        id: 'Demo: Dewan penasihat AI yang melibatkan komunitas terpinggirkan',
      }),
      description: JSON.stringify({
        en:
          'This is a demonstration round. Roadmap action C2.1 asks Member States to set up AI advisory boards with ' +
          'representatives of vulnerable, at-risk or marginalised communities and industry. Tell us how such boards ' +
          'should be formed, who should sit on them and how they should consult the people they represent.',
      }),
      format: 'online_consultation',
      action_ids: ['C2.1', 'C2.1.1', 'C3.2'],
      audience: 'public',
      languages: ['en', 'id'],
      opens_at: new Date(Date.now() - 7 * day),
      closes_at: new Date(Date.now() + 60 * day),
      published_at: new Date(Date.now() - 7 * day),
      targets: JSON.stringify([
        { dimension: 'stakeholder_group', value: 'civil_society', minimum: 20 },
        { dimension: 'stakeholder_group', value: 'industry', minimum: 5 },
        { dimension: 'member_state', value: 'TL', minimum: 3 },
      ]),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const text = (en: string) => JSON.stringify({ en });
  await tx
    .insertInto('round_question')
    .values([
      {
        round_id: round.id,
        position: 0,
        kind: 'likert',
        prompt: text('How well would advisory boards as described in C2.1 represent your community?'),
        required: true,
        likert: JSON.stringify({ points: 5, minLabel: { en: 'Not at all' }, maxLabel: { en: 'Very well' } }),
      },
      {
        round_id: round.id,
        position: 1,
        kind: 'multiple_choice',
        prompt: text('Which groups must have a seat on every board?'),
        required: false,
        options: JSON.stringify([
          { en: 'Persons with disabilities' },
          { en: 'Indigenous peoples' },
          { en: 'Rural communities' },
          { en: 'Migrant workers' },
          { en: 'Youth' },
        ]),
      },
      {
        round_id: round.id,
        position: 2,
        kind: 'free_text',
        prompt: text('What would make it possible for you to take part?'),
        required: false,
      },
    ])
    .execute();
}
