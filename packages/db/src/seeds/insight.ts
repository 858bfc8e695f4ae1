// The demo round for theme analysis (issue #17): a closed round with the labelled corpus (300 contributions in six
// languages) as its feedback, so a Secretariat user can run the analysis and accept themes on realistic text.
import { LABELLED_CORPUS, type LabelledContribution } from '@musyawarah/core/insight/corpus';
import type { Executor } from '../client';

const STATE_OF_LANGUAGE: Record<string, 'SG' | 'ID' | 'TH' | 'VN' | 'KH' | 'PH'> = {
  en: 'PH',
  id: 'ID',
  th: 'TH',
  vi: 'VN',
  zh: 'SG',
  km: 'KH',
};
const GROUPS = ['civil_society', 'industry', 'academia', 'individual', 'government_agency'] as const;
const FEEDBACK = ['concern', 'suggestion', 'recommendation'] as const;

/** Inserts the round and its contributions (submitted over the round's three weeks); returns the round's id. */
export async function seedThemeAnalysisDemoRound(
  tx: Executor,
  options: { contributions?: LabelledContribution[]; now?: Date } = {},
): Promise<string> {
  const day = 86_400_000;
  const now = options.now ?? new Date();
  const contributions = options.contributions ?? LABELLED_CORPUS;
  const opensAt = new Date(now.getTime() - 24 * day);
  const round = await tx
    .insertInto('consultation_round')
    .values({
      title: JSON.stringify({
        en: 'Demo: What should the Responsible AI Roadmap protect?',
        id: 'Demo: Apa yang harus dilindungi Peta Jalan AI yang Bertanggung Jawab?',
        th: 'ตัวอย่าง: แผนงาน AI ที่รับผิดชอบควรคุ้มครองอะไร',
        km: 'គំរូ៖ តើផែនទីបង្ហាញផ្លូវ AI ប្រកបដោយទំនួលខុសត្រូវគួរការពារអ្វីខ្លះ?',
      }),
      description: JSON.stringify({
        en:
          'This is a demonstration round with invented feedback in six languages, for trying the theme analysis. ' +
          'Tell us what the Roadmap should protect people from, and what it should help them do.',
      }),
      format: 'online_consultation',
      action_ids: ['C2.1', 'C3.2'],
      audience: 'public',
      languages: ['en', 'id', 'th', 'vi', 'zh', 'km'],
      opens_at: opensAt,
      closes_at: new Date(now.getTime() - 3 * day),
      published_at: opensAt,
      targets: JSON.stringify([
        { dimension: 'stakeholder_group', value: 'civil_society', minimum: 80 },
        { dimension: 'member_state', value: 'KH', minimum: 30 },
      ]),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = contributions.map((c, i) => ({
    round_id: round.id,
    status: 'submitted' as const,
    receipt_reference: `DEMO-INS-${round.id.slice(0, 4).toUpperCase()}-${String(i).padStart(4, '0')}`,
    stakeholder_group: GROUPS[i % GROUPS.length],
    member_state_code: STATE_OF_LANGUAGE[c.language] ?? null,
    written_in: c.language,
    named_publicly: i % 3 === 0,
    // Spread over the open weeks, more at the start and before the deadline, as real rounds go.
    submitted_at: new Date(opensAt.getTime() + ((i * 7919) % 21) * day + (i % 24) * 3_600_000),
  }));
  const inserted: { id: string }[] = [];
  for (let start = 0; start < rows.length; start += 200) {
    inserted.push(
      ...(await tx
        .insertInto('contribution')
        .values(rows.slice(start, start + 200))
        .returning('id')
        .execute()),
    );
  }
  const items = inserted.map((row, i) => ({
    contribution_id: row.id,
    position: 0,
    type: FEEDBACK[i % FEEDBACK.length] ?? 'concern',
    text: contributions[i]?.text ?? '',
    action_id: null,
  }));
  for (let start = 0; start < items.length; start += 200) {
    await tx
      .insertInto('contribution_item')
      .values(items.slice(start, start + 200))
      .execute();
  }
  return round.id;
}
