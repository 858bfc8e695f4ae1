// "What we heard" (issue #17): a closed round's report, gathered once from the database and then written in each
// language. Nothing personal goes in: figures are counts, and quotes are the text only, never a name or organisation.
import { LANGUAGE_AUTONYMS, type LanguageCode } from '@musyawarah/core';
import {
  findRound,
  findRoundEditionNumber,
  listAcceptedThemeRepresentatives,
  listContributionItems,
  listRoundContributions,
  listThemesOfContributions,
  type Executor,
} from '@musyawarah/db';
import { mailTranslator } from '../mail/i18n';
import { itemsOf, themesOf } from '../routers/contributions/presenters';
import { roundParticipation } from '../routers/shared/work';
import type { BarRow, ReportBlock, ReportDocument } from './document';

const QUOTES_PER_THEME = 3;
const QUOTE_MAX_CHARS = 500;
const RESPONSES_SHOWN = 20;

type Localized = Record<string, string>;

export interface ReportContribution {
  id: string;
  participantKey: string;
  stakeholderGroup: string | null;
  memberState: string | null;
  writtenIn: string;
  /** The author chose to publish their feedback with their name: the only consent to being quoted in a report. */
  namedPublicly: boolean;
  hidden: boolean;
  text: string;
  themeIds: string[];
  response: string | null;
}

export interface RoundReportInput {
  round: {
    id: string;
    title: Localized;
    format: string;
    audience: string;
    invitedGroups: string[];
    memberStates: string[];
    languages: string[];
    opensAt: Date;
    closesAt: Date;
    edition: number | null;
    summary: Localized | null;
    targets: {
      dimension: 'stakeholder_group' | 'member_state' | 'language';
      value: string;
      minimum: number;
    }[];
  };
  themes: { id: string; label: string }[];
  /**
   * The figures exactly as the round's Participation tab shows them (`roundParticipation`: the round's tally of
   * submitted, visible contributions), so that the report and the screen never disagree.
   */
  participation: {
    total: number;
    byMemberState: Record<string, number>;
    unspecifiedMemberState: number;
    byStakeholderGroup: Record<string, number>;
    byLanguage: Record<string, number>;
    byTheme: { id: string; count: number }[];
  };
  /** Per accepted theme, the contributions the analysis picked as representative (tried first for quotes). */
  representatives: Map<string, string[]>;
  contributions: ReportContribution[];
}

export type RoundReportContent = ReturnType<typeof roundReportContent>;

/** Counts against targets: every key with contributions or a target, largest first, the unstated last. */
function figures(counts: Map<string, number>, targets: Map<string, number>) {
  const keys = new Set([...counts.keys(), ...targets.keys()]);
  return [...keys]
    .map((k) => ({ key: k, count: counts.get(k) ?? 0, target: targets.get(k) ?? null }))
    .sort(
      (a, b) => Number(a.key === '') - Number(b.key === '') || b.count - a.count || (a.key < b.key ? -1 : 1),
    );
}

/**
 * The report's content, in no language yet. Hidden contributions are left out of everything; a theme's quotes come
 * only from contributions whose authors chose to publish with their name, the analysis's representatives first.
 */
export function roundReportContent(input: RoundReportInput) {
  const visible = input.contributions.filter((c) => !c.hidden);
  const tally = input.participation;
  const quotable = new Map(visible.filter((c) => c.namedPublicly && c.text).map((c) => [c.id, c]));
  const target = (dimension: string) =>
    new Map(input.round.targets.filter((t) => t.dimension === dimension).map((t) => [t.value, t.minimum]));
  const themeCounts = new Map(input.participation.byTheme.map((t) => [t.id, t.count]));
  const themes = input.themes
    .map((theme) => {
      const members = visible.filter((c) => c.themeIds.includes(theme.id));
      const candidates = [...(input.representatives.get(theme.id) ?? []), ...members.map((c) => c.id)];
      const quotes = [...new Set(candidates)]
        .flatMap((id) => {
          const c = quotable.get(id);
          return c && c.themeIds.includes(theme.id) ? [c] : [];
        })
        .slice(0, QUOTES_PER_THEME)
        .map((c) => ({ language: c.writtenIn, text: c.text.slice(0, QUOTE_MAX_CHARS) }));
      return { label: theme.label, contributions: themeCounts.get(theme.id) ?? 0, quotes };
    })
    .filter((t) => t.contributions > 0)
    .sort((a, b) => b.contributions - a.contributions);
  const responses = visible.flatMap((c) => (c.response ? [c.response] : []));
  return {
    round: input.round,
    participation: {
      contributions: tally.total,
      participants: new Set(visible.map((c) => c.participantKey)).size,
      byMemberState: figures(
        new Map([
          ...Object.entries(tally.byMemberState),
          ...(tally.unspecifiedMemberState ? [['', tally.unspecifiedMemberState] as const] : []),
        ]),
        target('member_state'),
      ),
      byStakeholderGroup: figures(
        new Map(Object.entries(tally.byStakeholderGroup)),
        target('stakeholder_group'),
      ),
      byLanguage: figures(new Map(Object.entries(tally.byLanguage)), target('language')),
    },
    themes,
    responses: { count: responses.length, shown: [...new Set(responses)].slice(0, RESPONSES_SHOWN) },
  };
}

/** The content of a closed round's report; undefined unless the round is published and closed. */
export async function loadRoundReport(db: Executor, roundId: string, now = new Date()) {
  const round = await findRound(db, roundId);
  if (!round?.published_at || round.closes_at > now) return undefined;
  const rows = await listRoundContributions(db, round.id, { includeHidden: true });
  const ids = rows.map((r) => r.id);
  const [items, themeTags, representatives, edition, participation] = await Promise.all([
    listContributionItems(db, ids),
    listThemesOfContributions(db, ids),
    listAcceptedThemeRepresentatives(db, round.id),
    findRoundEditionNumber(db, round.edition_id),
    roundParticipation(db, round),
  ]);
  const themes = new Map(themeTags.map((t) => [t.id, t.label]));
  const representativeIds = new Map<string, string[]>();
  for (const r of representatives)
    if (r.theme_id)
      representativeIds.set(r.theme_id, [
        ...(representativeIds.get(r.theme_id) ?? []),
        ...r.representative_ids,
      ]);
  return roundReportContent({
    round: {
      id: round.id,
      title: round.title,
      format: round.format,
      audience: round.audience,
      invitedGroups: round.invited_groups,
      memberStates: round.member_states,
      languages: round.languages,
      opensAt: round.opens_at,
      closesAt: round.closes_at,
      edition,
      summary: round.summary_published_at ? ((round.summary as Localized | null) ?? null) : null,
      targets: round.targets,
    },
    themes: [...themes].map(([id, label]) => ({ id, label })).sort((a, b) => (a.label < b.label ? -1 : 1)),
    participation: {
      ...participation.tally,
      byTheme: participation.byTheme,
    },
    representatives: representativeIds,
    contributions: rows.map((r) => ({
      id: r.id,
      participantKey: r.author_user_id ?? `${r.facilitated_by ?? ''}:${r.participant_name ?? r.id}`,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      writtenIn: r.written_in,
      namedPublicly: r.named_publicly,
      hidden: r.hidden_at !== null,
      text: itemsOf(items, r.id)
        .map((i) => i.text)
        .join('\n')
        .trim(),
      themeIds: themesOf(themeTags, r.id).map((t) => t.id),
      response: r.response_text ?? null,
    })),
  });
}

function pick(text: Localized | null | undefined, locale: string) {
  if (!text) return null;
  const value = text[locale] || text.en || Object.values(text).find(Boolean);
  return value ? { text: value, lang: text[locale] ? locale : text.en ? 'en' : locale } : null;
}

/** The report written in one language, as blocks for the PDF and the HTML. */
export function roundReportDocument(content: RoundReportContent, locale: LanguageCode): ReportDocument {
  const t = mailTranslator(locale);
  const dates = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale);
  const { round, participation } = content;
  const title = pick(round.title, locale)?.text ?? '';
  const languageName = (code: string) =>
    code ? (LANGUAGE_AUTONYMS[code as LanguageCode] ?? code) : t('report.participation.unknown');
  const memberStateName = (code: string) =>
    code ? t(`memberStates.${code}`) : t('report.participation.unknown');
  const groupName = (code: string) => (code ? t(`report.groups.${code}`) : t('report.participation.unknown'));
  const bars = (
    caption: string,
    rows: { key: string; count: number; target: number | null }[],
    name: (k: string) => string,
  ): ReportBlock => {
    const barRows: BarRow[] = rows.map((r) => ({ label: name(r.key), value: r.count, target: r.target }));
    return {
      kind: 'bars',
      caption,
      targetLabel: t('report.participation.target'),
      summary: barRows
        .map((r) =>
          r.target
            ? t('report.participation.figureWithTarget', {
                label: r.label,
                count: number.format(r.value),
                target: number.format(r.target),
              })
            : t('report.participation.figure', { label: r.label, count: number.format(r.value) }),
        )
        .join('; '),
      rows: barRows,
    };
  };
  const summary = pick(round.summary, locale);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t('report.method.heading') },
    {
      kind: 'list',
      items: [
        t('report.method.format', { format: t(`report.formats.${round.format}`) }),
        round.audience === 'invited_groups'
          ? t('report.method.invitedGroups', { groups: round.invitedGroups.map(groupName).join(', ') })
          : t(`report.audiences.${round.audience}`),
        t('report.method.languages', { languages: round.languages.map(languageName).join(', ') }),
        t('report.method.memberStates', {
          memberStates: round.memberStates.length
            ? round.memberStates.map(memberStateName).join(', ')
            : t('report.method.allMemberStates'),
        }),
        t('report.method.channel'),
      ],
    },
    { kind: 'heading', level: 1, text: t('report.participation.heading') },
    {
      kind: 'paragraph',
      text: t('report.participation.totals', {
        contributions: number.format(participation.contributions),
        participants: number.format(participation.participants),
      }),
    },
    bars(t('report.participation.byMemberState'), participation.byMemberState, memberStateName),
    bars(t('report.participation.byGroup'), participation.byStakeholderGroup, groupName),
    bars(t('report.participation.byLanguage'), participation.byLanguage, languageName),
    { kind: 'heading', level: 1, text: t('report.themes.heading') },
  ];
  if (!content.themes.length) blocks.push({ kind: 'paragraph', text: t('report.themes.none') });
  else blocks.push({ kind: 'paragraph', text: t('report.themes.quotesNote') });
  for (const theme of content.themes) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: t('report.themes.theme', { label: theme.label, count: number.format(theme.contributions) }),
    });
    for (const quote of theme.quotes) blocks.push({ kind: 'quote', text: quote.text, lang: quote.language });
  }
  if (summary) {
    blocks.push({ kind: 'heading', level: 1, text: t('report.summary.heading') });
    for (const paragraph of summary.text.split(/\n\s*\n/).filter((p) => p.trim()))
      blocks.push({ kind: 'paragraph', text: paragraph.trim(), lang: summary.lang });
  }
  blocks.push({ kind: 'heading', level: 1, text: t('report.responses.heading') });
  blocks.push({
    kind: 'paragraph',
    text: content.responses.count
      ? t('report.responses.count', { count: number.format(content.responses.count) })
      : t('report.responses.none'),
  });
  if (content.responses.shown.length) blocks.push({ kind: 'list', items: content.responses.shown });
  return {
    lang: locale,
    title: `${t('report.whatWeHeard.title')}: ${title}`,
    subtitle: [
      t('report.cover.dates', { opens: dates.format(round.opensAt), closes: dates.format(round.closesAt) }),
      round.edition ? t('report.cover.edition', { number: round.edition }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
    blocks,
  };
}
