// "You said, we did" (issue #17): an adopted review cycle's report, gathered once from the same public record the
// stakeholder page shows and then written in each language. The consent rules are the round report's: a contribution
// is quoted only when its author chose to publish under their name and it is not moderated; comments only when posted
// publicly by an account that still exists; no name or organisation is printed.
import { cycleStage, readReviewText, type LanguageCode } from '@musyawarah/core';
import { editTarget, type ProposedEdit } from '@musyawarah/core/editions';
import { findReviewCycle, listCitedContributions, listCyclePhases, type Executor } from '@musyawarah/db';
import { mailTranslator } from '../mail/i18n';
import { phaseDates } from '../routers/review/presenters';
import { mayReadContent, publicRecord } from '../routers/review/shared';
import type { BarRow, ReportBlock, ReportDocument } from './document';

const QUOTE_MAX_CHARS = 500;

type Localized = Record<string, string>;
type MotivationKind = 'contribution' | 'assessment' | 'board_session';

export interface CycleReportEdit {
  id: string;
  /** The wording adopted: the final payload when the Secretariat changed the proposal, else the proposal. */
  payload: ProposedEdit;
  rationale: string;
  resolution: { kind: 'accepted' | 'accepted_with_changes' | 'rejected'; answer: string } | null;
  motivations: { kind: MotivationKind; targetId: string }[];
  positions: { memberState: string; kind: string; text: string | null }[];
  /** The comments the public may read (confidential ones left out by the caller). */
  comments: { body: string; authorKnown: boolean }[];
}

export interface CycleReportContribution {
  id: string;
  writtenIn: string;
  namedPublicly: boolean;
  /** Submitted and not hidden by moderation: only these are counted or quoted. */
  visible: boolean;
  text: string;
}

export interface CycleReportInput {
  cycle: {
    id: string;
    title: Localized;
    audience: string;
    baseEdition: number;
    adoptedEdition: number;
    adoptedAt: Date;
    phases: { phase: string; start: Date | null; end: Date | null }[];
  };
  edits: CycleReportEdit[];
  contributions: CycleReportContribution[];
}

export type CycleReportContent = ReturnType<typeof cycleReportContent>;

const citedOf = (edit: CycleReportEdit, kind: MotivationKind) =>
  edit.motivations.filter((m) => m.kind === kind).map((m) => m.targetId);

/** The report's content, in no language yet. */
export function cycleReportContent(input: CycleReportInput) {
  const contributions = new Map(input.contributions.filter((c) => c.visible).map((c) => [c.id, c]));
  const adopted = input.edits.filter((e) => e.resolution && e.resolution.kind !== 'rejected');
  const rejected = input.edits.filter((e) => e.resolution?.kind === 'rejected');
  const positions = input.edits.flatMap((e) => e.positions);
  const countBy = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  };
  const cited = new Set(
    input.edits.flatMap((e) => citedOf(e, 'contribution')).filter((id) => contributions.has(id)),
  );
  return {
    cycle: input.cycle,
    figures: {
      proposed: input.edits.length,
      adopted: adopted.length,
      rejected: rejected.length,
      comments: input.edits.reduce((sum, e) => sum + e.comments.length, 0),
      contributions: cited.size,
      positionsByMemberState: countBy(positions.map((p) => p.memberState)),
      positionsByKind: countBy(positions.map((p) => p.kind)),
    },
    memberStatesWithPositions: [...new Set(positions.map((p) => p.memberState))].sort(),
    changes: adopted.map((edit) => {
      const sources = citedOf(edit, 'contribution').flatMap((id) => {
        const c = contributions.get(id);
        return c ? [c] : [];
      });
      const quoted = sources.filter((c) => c.namedPublicly && c.text);
      return {
        id: edit.id,
        payload: edit.payload,
        rationale: edit.rationale,
        answer: edit.resolution?.answer ?? '',
        contributions: sources.length,
        quotes: quoted.map((c) => ({ language: c.writtenIn, text: c.text.slice(0, QUOTE_MAX_CHARS) })),
        assessments: citedOf(edit, 'assessment').length,
        sessions: citedOf(edit, 'board_session').length,
        positions: edit.positions,
        comments: edit.comments
          .filter((c) => c.authorKnown && c.body.trim())
          .map((c) => c.body.slice(0, QUOTE_MAX_CHARS)),
      };
    }),
    rejected: rejected.map((edit) => ({
      id: edit.id,
      payload: edit.payload,
      answer: edit.resolution?.answer ?? '',
    })),
  };
}

/**
 * The content of an adopted cycle's report; undefined unless the cycle adopted its edition, published its record, and
 * that record is open to everyone (the report is public, so it says no more than a visitor may read).
 */
export async function loadCycleReport(db: Executor, cycleId: string) {
  const cycle = await findReviewCycle(db, cycleId);
  if (!cycle?.published_at || cycle.adopted_edition_number === null) return undefined;
  const phases = phaseDates(await listCyclePhases(db, [cycle.id]));
  if (!mayReadContent(cycle, cycleStage(phases), null).ok) return undefined;
  const record = await publicRecord(db, cycle);
  const cited = await listCitedContributions(
    db,
    record.flatMap((e) => e.motivations.filter((m) => m.kind === 'contribution').map((m) => m.targetId)),
  );
  return cycleReportContent({
    cycle: {
      id: cycle.id,
      title: readReviewText(cycle.title),
      audience: cycle.audience,
      baseEdition: cycle.base_edition_number,
      adoptedEdition: cycle.adopted_edition_number,
      adoptedAt: new Date(cycle.published_at),
      phases: phases.map((p) => ({ phase: p.phase, start: p.actualStart, end: p.actualEnd })),
    },
    edits: record.map((edit) => ({
      id: edit.id,
      payload: edit.resolution?.finalPayload ?? edit.payload,
      rationale: edit.rationale,
      resolution: edit.resolution && { kind: edit.resolution.kind, answer: edit.resolution.answer },
      motivations: edit.motivations.map((m) => ({ kind: m.kind, targetId: m.targetId })),
      positions: edit.positions.map((p) => ({ memberState: p.memberState, kind: p.kind, text: p.text })),
      comments: edit.comments.map((c) => ({ body: c.body, authorKnown: c.author !== null })),
    })),
    contributions: cited.map((c) => ({
      id: c.id,
      writtenIn: c.written_in,
      namedPublicly: c.named_publicly,
      visible: c.status === 'submitted' && c.hidden_at === null,
      text: c.items
        .map((i) => i.text)
        .join('\n')
        .trim(),
    })),
  });
}

/** The words an edit puts into the Roadmap, when it has any (a move or a retirement has none). */
function newWording(payload: ProposedEdit): string | null {
  switch (payload.kind) {
    case 'changeEntry':
    case 'addEntry':
      return payload.name ? `${payload.name}: ${payload.text}` : payload.text;
    case 'changeActionAreaTitle':
    case 'changeSubActionTitle':
      return payload.title;
    case 'addSubAction':
      return payload.subAction.title;
    case 'addActionArea':
      return payload.actionArea.title;
    default:
      return null;
  }
}

function pick(text: Localized, locale: string) {
  return text[locale] || text.en || Object.values(text).find(Boolean) || '';
}

/** The report written in one language, as blocks for the PDF and the HTML. */
export function cycleReportDocument(content: CycleReportContent, locale: LanguageCode): ReportDocument {
  const t = mailTranslator(locale);
  const dates = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale);
  const { cycle, figures } = content;
  const memberStateName = (code: string) => t(`memberStates.${code}`);
  const positionName = (kind: string) => t(`report.cycle.positionKinds.${kind}`);
  const editTitle = (payload: ProposedEdit, n: number) => {
    const target = editTarget(payload);
    return t('report.cycle.changeTitle', {
      n,
      kind: t(`report.cycle.editKinds.${payload.kind}`),
      where: target.subActionId ?? target.actionAreaId,
    });
  };
  const bars = (caption: string, rows: { key: string; count: number }[], name: (k: string) => string) => {
    const barRows: BarRow[] = rows.map((r) => ({ label: name(r.key), value: r.count }));
    return {
      kind: 'bars',
      caption,
      summary: barRows
        .map((r) => t('report.participation.figure', { label: r.label, count: number.format(r.value) }))
        .join('; '),
      rows: barRows,
    } satisfies ReportBlock;
  };

  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t('report.cycle.method.heading') },
    {
      kind: 'list',
      items: [
        ...cycle.phases.map((p) =>
          t('report.cycle.method.phase', {
            phase: t(`report.cycle.phases.${p.phase}`),
            start: p.start ? dates.format(p.start) : '—',
            end: p.end ? dates.format(p.end) : '—',
          }),
        ),
        t(`report.cycle.method.audiences.${cycle.audience}`),
        content.memberStatesWithPositions.length
          ? t('report.cycle.method.positions', {
              memberStates: content.memberStatesWithPositions.map(memberStateName).join(', '),
            })
          : t('report.cycle.method.noPositions'),
      ],
    },
    { kind: 'heading', level: 1, text: t('report.cycle.figures.heading') },
    {
      kind: 'paragraph',
      text: t('report.cycle.figures.edits', {
        proposed: number.format(figures.proposed),
        adopted: number.format(figures.adopted),
        rejected: number.format(figures.rejected),
      }),
    },
    {
      kind: 'paragraph',
      text: t('report.cycle.figures.feedback', {
        contributions: number.format(figures.contributions),
        comments: number.format(figures.comments),
      }),
    },
  ];
  if (figures.positionsByMemberState.length) {
    blocks.push(
      bars(t('report.cycle.figures.positionsByMemberState'), figures.positionsByMemberState, memberStateName),
    );
    blocks.push(bars(t('report.cycle.figures.positionsByKind'), figures.positionsByKind, positionName));
  }

  blocks.push({ kind: 'heading', level: 1, text: t('report.cycle.changes.heading') });
  blocks.push({
    kind: 'paragraph',
    text: content.changes.length ? t('report.cycle.changes.quotesNote') : t('report.cycle.changes.none'),
  });
  content.changes.forEach((change, index) => {
    blocks.push({ kind: 'heading', level: 2, text: editTitle(change.payload, index + 1) });
    const wording = newWording(change.payload);
    if (wording)
      blocks.push({ kind: 'paragraph', text: t('report.cycle.changes.wording', { text: wording }) });
    blocks.push({ kind: 'paragraph', text: t('report.cycle.changes.why', { rationale: change.rationale }) });
    if (change.answer)
      blocks.push({ kind: 'paragraph', text: t('report.cycle.changes.decision', { answer: change.answer }) });
    blocks.push({ kind: 'heading', level: 3, text: t('report.cycle.changes.youSaid') });
    const sources = [
      change.contributions
        ? t('report.cycle.changes.contributions', {
            count: number.format(change.contributions),
            quoted: number.format(change.quotes.length),
          })
        : null,
      change.assessments
        ? t('report.cycle.changes.assessments', { count: number.format(change.assessments) })
        : null,
      change.sessions ? t('report.cycle.changes.sessions', { count: number.format(change.sessions) }) : null,
      ...change.positions.map((p) =>
        [
          t('report.cycle.changes.position', {
            memberState: memberStateName(p.memberState),
            kind: positionName(p.kind),
          }),
          p.text,
        ]
          .filter(Boolean)
          .join(' — '),
      ),
      change.comments.length
        ? t('report.cycle.changes.comments', { count: number.format(change.comments.length) })
        : null,
    ].filter((s): s is string => s !== null);
    if (!sources.length) blocks.push({ kind: 'paragraph', text: t('report.cycle.changes.noSources') });
    else blocks.push({ kind: 'list', items: sources });
    for (const quote of change.quotes) blocks.push({ kind: 'quote', text: quote.text, lang: quote.language });
    // Comments carry no language of their own; they are quoted as written, without a language claim.
    for (const comment of change.comments) blocks.push({ kind: 'paragraph', text: `“${comment}”` });
  });

  if (content.rejected.length) {
    blocks.push({ kind: 'heading', level: 1, text: t('report.cycle.rejected.heading') });
    content.rejected.forEach((edit, index) => {
      blocks.push({
        kind: 'heading',
        level: 2,
        text: editTitle(edit.payload, content.changes.length + index + 1),
      });
      blocks.push({ kind: 'paragraph', text: t('report.cycle.rejected.reason', { answer: edit.answer }) });
    });
  }

  return {
    lang: locale,
    title: `${t('report.cycle.title')}: ${pick(cycle.title, locale)}`,
    subtitle: [
      t('report.cycle.cover.editions', { from: cycle.baseEdition, to: cycle.adoptedEdition }),
      t('report.cycle.cover.adopted', { date: dates.format(cycle.adoptedAt) }),
    ].join(' · '),
    blocks,
  };
}
