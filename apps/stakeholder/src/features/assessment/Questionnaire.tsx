import { Details, cx, fieldId } from '@musyawarah/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWERS,
  CRITERIA_PER_PILLAR,
  LINKS_MAX,
  NOTE_MAX_LENGTH,
  answeredCount,
  parseLinks,
  pillarCriterionIds,
  type Answer,
  type Answers,
  type EvidenceDraft,
  type EvidenceDrafts,
} from './answers';
import { usePoints, type CriteriaData, type Criterion, type PillarScore } from './data';
import { TierTag } from './Scores';

export interface QuestionnaireProps {
  /** Prefix for element ids; the first radio of a criterion is `fieldId(formId, 'answers.Q1')`. */
  formId: string;
  criteria: CriteriaData;
  answers: Answers;
  onAnswer: (id: string, answer: Answer) => void;
  /** Scores of the answers so far (from the server), for each pillar's running status. */
  scores?: readonly PillarScore[];
  /** With evidence, each criterion gets a note and links (saved assessments). */
  evidence?: EvidenceDrafts;
  onEvidence?: (id: string, draft: EvidenceDraft) => void;
  /** Criteria to mark as needing an answer. */
  missing?: ReadonlySet<string>;
  /** Give each criterion the id `Q1`… so `#Q1` links land on it (one questionnaire per page). */
  anchors?: boolean;
  headingLevel?: 2 | 3;
  /** Show only this pillar (one step of a stepped questionnaire); all four when absent. */
  onlyPillar?: number;
}

/** The 40 criteria, grouped by the four assessment pillars, one fieldset per criterion. */
export function Questionnaire(props: QuestionnaireProps) {
  return (
    <div className="questionnaire">
      {props.criteria.pillars
        .filter((pillar) => props.onlyPillar === undefined || pillar.number === props.onlyPillar)
        .map((pillar) => (
          <PillarSection key={pillar.number} pillarNumber={pillar.number} {...props} />
        ))}
    </div>
  );
}

function PillarSection({ pillarNumber, ...props }: QuestionnaireProps & { pillarNumber: number }) {
  const { t } = useTranslation();
  const { criteria, formId, answers, scores, headingLevel = 2 } = props;
  const pillar = criteria.pillars.find((p) => p.number === pillarNumber)!;
  const ids = pillarCriterionIds(pillarNumber);
  const items = criteria.criteria.filter((c) => c.pillar === pillarNumber);
  const answered = answeredCount(answers, ids);
  const score = scores?.find((s) => s.pillar === pillarNumber);
  const headingId = `${formId}-pillar-${pillarNumber}`;
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="pillar-section" aria-labelledby={headingId}>
      <Heading className="heading-l pillar-section__heading" id={headingId}>
        <span className="caption">{t('assessment.pillarCaption', { number: pillarNumber })}</span>
        {pillar.name}
      </Heading>
      <p>{pillar.description}</p>
      <Details summary={t('assessment.questionnaire.rationale')}>
        <p>{pillar.rationale}</p>
      </Details>
      <PillarProgress answered={answered} score={score} pillarName={pillar.name} />
      {items.map((criterion) => (
        <CriterionFieldset key={criterion.id} criterion={criterion} {...props} />
      ))}
    </section>
  );
}

function PillarProgress({
  answered,
  score,
  pillarName,
}: {
  answered: number;
  score: PillarScore | undefined;
  pillarName: string;
}) {
  const { t } = useTranslation();
  const points = usePoints();
  const percent = Math.round((answered / CRITERIA_PER_PILLAR) * 100);
  return (
    <div className="pillar-progress">
      <div className="pillar-progress__bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      {/* Announced politely when an answer changes this pillar's count or score. */}
      <p className="pillar-progress__text" role="status" aria-atomic="true">
        <span className="visually-hidden">{pillarName}: </span>
        {t('assessment.score.answeredOf', { answered, total: CRITERIA_PER_PILLAR })}
        {score && (
          <>
            {' · '}
            {t('assessment.score.outOf', { score: points(score.score), max: points(score.max) })}
            {' · '}
            <TierTag tier={score.tier} />
          </>
        )}
      </p>
    </div>
  );
}

function CriterionFieldset({
  criterion,
  formId,
  answers,
  onAnswer,
  evidence,
  onEvidence,
  missing,
  anchors,
}: QuestionnaireProps & { criterion: Criterion }) {
  const { t } = useTranslation();
  const points = usePoints();
  const answer = answers[criterion.id];
  const isMissing = missing?.has(criterion.id) ?? false;
  const firstId = fieldId(formId, `answers.${criterion.id}`);
  const errorId = `${firstId}-error`;
  return (
    <div className={cx('form-group criterion', isMissing && 'form-group--error')}>
      <fieldset
        className="fieldset scroll-target"
        id={anchors ? criterion.id : undefined}
        aria-describedby={isMissing ? errorId : undefined}
      >
        <legend className="legend criterion__legend">
          <span className="criterion__id">{criterion.id}</span> {criterion.question}
        </legend>
        <Details summary={t('assessment.questionnaire.why')}>
          {criterion.description.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </Details>
        {isMissing && (
          <p className="field-error" id={errorId}>
            <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
            {t('assessment.questionnaire.missing', { id: criterion.id })}
          </p>
        )}
        <div className="choices">
          {criterion.options.map((option, index) => {
            const value = ANSWERS[index]!;
            const id = index === 0 ? firstId : `${firstId}-${value}`;
            return (
              <div className="choice" key={value}>
                <input
                  className="choice__input"
                  type="radio"
                  id={id}
                  name={`${formId}-${criterion.id}`}
                  value={value}
                  checked={answer === value}
                  onChange={() => onAnswer(criterion.id, value)}
                />
                <label className="choice__label" htmlFor={id}>
                  {option.label}
                  <span className="choice__hint">
                    {t('assessment.questionnaire.points', {
                      count: option.points,
                      points: points(option.points),
                    })}
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {evidence && onEvidence && (
        <EvidenceFields
          id={criterion.id}
          formId={formId}
          draft={evidence[criterion.id] ?? { note: '', links: '' }}
          onChange={(draft) => onEvidence(criterion.id, draft)}
        />
      )}
    </div>
  );
}

function EvidenceFields({
  id,
  formId,
  draft,
  onChange,
}: {
  id: string;
  formId: string;
  draft: EvidenceDraft;
  onChange: (draft: EvidenceDraft) => void;
}) {
  const { t } = useTranslation();
  const noteId = fieldId(formId, `evidence.${id}.note`);
  const linksId = fieldId(formId, `evidence.${id}.links`);
  const { invalid, tooMany } = parseLinks(draft.links);
  const linksError = invalid.length > 0 || tooMany;
  const hasContent = draft.note.trim() !== '' || draft.links.trim() !== '';
  // Open at first when there is evidence; after that the user decides (closing it while typing would lose their place).
  const [open, setOpen] = useState(hasContent);
  return (
    <details className="details evidence" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="details__summary">
        {t('assessment.evidence.summary', { id })}
        {hasContent && <span className="evidence__flag"> {t('assessment.evidence.added')}</span>}
      </summary>
      <div className="details__text">
        <div className="form-group evidence__group">
          <label className="label" htmlFor={noteId}>
            {t('assessment.evidence.note')}
          </label>
          <div className="hint" id={`${noteId}-hint`}>
            {t('assessment.evidence.noteHint')}
          </div>
          <textarea
            id={noteId}
            className="textarea"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={draft.note}
            aria-describedby={`${noteId}-hint`}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        </div>
        <div className={cx('form-group evidence__group', linksError && 'form-group--error')}>
          <label className="label" htmlFor={linksId}>
            {t('assessment.evidence.links')}
          </label>
          <div className="hint" id={`${linksId}-hint`}>
            {t('assessment.evidence.linksHint', { max: LINKS_MAX })}
          </div>
          {linksError && (
            <p className="field-error" id={`${linksId}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {tooMany
                ? t('assessment.evidence.tooMany', { max: LINKS_MAX })
                : t('assessment.evidence.invalid', { count: invalid.length, lines: invalid.join(', ') })}
            </p>
          )}
          <textarea
            id={linksId}
            className={cx('textarea', linksError && 'textarea--error')}
            rows={3}
            value={draft.links}
            spellCheck={false}
            autoCapitalize="none"
            inputMode="url"
            aria-describedby={cx(`${linksId}-hint`, linksError && `${linksId}-error`)}
            aria-invalid={linksError || undefined}
            onChange={(e) => onChange({ ...draft, links: e.target.value })}
          />
        </div>
      </div>
    </details>
  );
}
