import { phaseAllows } from '@musyawarah/core/review/rules';
import { RATING_MAX, RATING_MIN } from '@musyawarah/core/review/vocabulary';
import {
  Button,
  ButtonGroup,
  ErrorNotice,
  ErrorSummary,
  InsetText,
  Loading,
  NoticeRegion,
  Page,
  Tag,
  errorKey,
  errorStatus,
  fieldId,
  mapServerError,
  useFormat,
  useMessage,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import { useLocalized } from '../consultations/data';
import { AssessmentReadOnly } from './AssessmentReadOnly';
import { ReviewReadIn, ReviewReadingLanguage, textLanguages, useFallbackNotice } from './reading';
import './review.css';
import { useServerMessage } from './shared';

type Scope = Outputs['review']['myAssessment'];
type Cell = { rating: string; comment: string };

const FORM_ID = 'assessment';
const cellKey = (area: string, criterion: string) => `${area}|${criterion}`;

/** `/review/:cycleId/assessment`: a representative rates the edition's action areas against the framework's criteria. */
export function AssessmentPage() {
  return (
    <RequireSignIn>
      <AssessmentLoader />
    </RequireSignIn>
  );
}

function AssessmentLoader() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const scope = useQuery({
    ...trpc.review.myAssessment.queryOptions({ cycleId }),
    retry: (n, e) => ![400, 403, 404].includes(errorStatus(e) ?? 0) && n < 2,
  });
  return (
    <Page
      title={t('reviews.assess.title')}
      width="full"
      backLink={{ to: `/review/${cycleId}`, label: t('reviews.cycle.caption') }}
    >
      {scope.isPending ? (
        <Loading />
      ) : scope.isError ? (
        errorStatus(scope.error) === 403 ? (
          <InsetText>
            <p>{t('reviews.assess.onlyRepresentatives')}</p>
          </InsetText>
        ) : (
          <ErrorNotice
            error={scope.error}
            heading={serverMessage(scope.error)}
            onRetry={() => void scope.refetch()}
          />
        )
      ) : (
        <ReviewReadingLanguage texts={scope.data.criteria.flatMap((c) => [c.name, c.description])}>
          <AssessmentForm key={scope.data.assessment?.version ?? 0} scope={scope.data} />
          {/* Out of the form, which starts afresh with each saved version: the region stays on the page, below the
              buttons (at the end of a long grid), and is there, empty, before "saved" is said in it. */}
          <NoticeRegion />
        </ReviewReadingLanguage>
      )}
    </Page>
  );
}

function AssessmentForm({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const outcome = useNotice();
  const state = t(`common.memberStates.${scope.memberState}`);
  const initial: Record<string, Cell> = {};
  for (const r of scope.assessment?.ratings ?? [])
    initial[cellKey(r.actionAreaId, r.criterionKey)] = { rating: String(r.rating), comment: r.comment ?? '' };
  const [cells, setCells] = useState<Record<string, Cell>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const save = useMutation(trpc.review.saveAssessment.mutationOptions());
  const submit = useMutation(trpc.review.submitAssessment.mutationOptions());
  const pick = useLocalized();
  const criteria = scope.criteria.map((c) => ({
    key: c.key,
    name: pick(c.name),
    description: pick(c.description),
  }));
  const notice = useFallbackNotice(
    criteria.flatMap((c) => [c.name, c.description]),
    textLanguages(scope.criteria.flatMap((c) => [c.name, c.description])),
  );
  const submitted = scope.assessment?.status === 'submitted';
  const open = phaseAllows(scope.stage, 'assess').ok && !submitted;
  const rated = Object.values(cells).filter((c) => c.rating !== '').length;
  const total = scope.actionAreas.length * scope.criteria.length;

  const set = (key: string, patch: Partial<Cell>) =>
    setCells((prev) => ({ ...prev, [key]: { rating: '', comment: '', ...prev[key], ...patch } }));

  const send = async (mode: 'draft' | 'submit') => {
    outcome.clear();
    setMessage(null);
    setErrors({});
    // Only rated cells are sent, in the order of the form, so a field error `ratings.<n>` names a cell on screen.
    const order = scope.actionAreas
      .flatMap((a) => scope.criteria.map((c) => cellKey(a.id, c.key)))
      .filter((k) => cells[k]?.rating);
    const ratings = order.map((k) => {
      const [actionAreaId, criterionKey] = k.split('|') as [string, string];
      return {
        actionAreaId,
        criterionKey,
        rating: Number(cells[k]!.rating),
        comment: cells[k]!.comment.trim() || undefined,
      };
    });
    const input = { cycleId: scope.cycleId, ratings, expectedVersion: scope.assessment?.version ?? null };
    try {
      if (mode === 'draft') await save.mutateAsync(input);
      else await submit.mutateAsync(input);
      // "Saved" is said once the form holds the new version (it starts afresh with it): a submission sent before that
      // would carry the old version, and the fresh start would clear the answer it got.
      await queryClient.invalidateQueries({
        queryKey: trpc.review.myAssessment.queryKey({ cycleId: scope.cycleId }),
      });
      outcome.success(
        mode === 'draft' ? t('reviews.assess.savedDraft') : t('reviews.assess.submitted', { state }),
      );
    } catch (error) {
      const mapped = mapServerError(error);
      const found: Record<string, string> = {};
      for (const { path, key } of mapped.fieldErrors) {
        const match = /^ratings\.(\d+)/.exec(path);
        if (match && order[Number(match[1])]) found[order[Number(match[1])]!] = key;
      }
      setErrors(found);
      const key = errorKey(error);
      setMessage(
        mapped.fieldErrors.some((f) => f.path === 'ratings')
          ? tm(mapped.fieldErrors.find((f) => f.path === 'ratings')!.key)
          : key
            ? tm(key)
            : tm(mapped.message ?? { key: 'errors.internal' }),
      );
      setFocusToken((n) => n + 1);
    }
  };

  const ratingOptions = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
  return (
    <>
      <div className="two-thirds">
        <p className="prose">{t('reviews.assess.intro', { state })}</p>
        <p>
          {submitted ? (
            <Tag tone="green">
              {t('reviews.assess.statusSubmitted', { date: format.date(scope.assessment?.submittedAt) })}
            </Tag>
          ) : (
            <Tag tone="yellow">{t('reviews.assess.progress', { rated, total })}</Tag>
          )}
        </p>
        {!open && !submitted && (
          <InsetText>
            <p>{t('reviews.assess.closed', { stage: t(`reviews.stage.${scope.stage}`) })}</p>
          </InsetText>
        )}
        <ErrorSummary
          formId={FORM_ID}
          message={message ? { key: 'reviews.assess.problem', params: { detail: message } } : null}
          items={Object.entries(errors).map(([path, key]) => ({ path, message: key }))}
          focusToken={focusToken}
        />
        <ReviewReadIn />
        {notice && <p className="hint">{notice}</p>}
        <dl className="summary-list">
          {criteria.map((c) => (
            <div className="summary-list__row" key={c.key}>
              <dt className="summary-list__key" lang={c.name.language}>
                {c.name.text}
              </dt>
              <dd className="summary-list__value" lang={c.description.language}>
                {c.description.text}
              </dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('reviews.assess.scale')}</p>
      </div>
      {!open ? (
        <>
          <AssessmentReadOnly scope={scope} criteria={criteria} />
          <p>
            <Link to={`/review/${scope.cycleId}`}>{t('reviews.assess.back')}</Link>
          </p>
        </>
      ) : (
        <form
          id={FORM_ID}
          noValidate
          onSubmit={(e) => e.preventDefault()}
          aria-label={t('reviews.assess.title')}
        >
          {scope.actionAreas.map((area) => (
            <fieldset key={area.id} className="fieldset review-repeat">
              <legend className="legend">
                {area.id} {area.title}
              </legend>
              <div className="review-rating-grid">
                {criteria.map((c) => {
                  const key = cellKey(area.id, c.key);
                  const id = fieldId(FORM_ID, key);
                  const error = errors[key];
                  return (
                    <div key={c.key} className={error ? 'form-group form-group--error' : 'form-group'}>
                      <label className="label" htmlFor={id}>
                        <span lang={c.name.language}>{c.name.text}</span>
                        <span className="visually-hidden"> ({area.id})</span>
                      </label>
                      {error && (
                        <p className="field-error" id={`${id}-error`}>
                          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {tm(error)}
                        </p>
                      )}
                      <select
                        id={id}
                        className="select"
                        value={cells[key]?.rating ?? ''}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        onChange={(e) => set(key, { rating: e.target.value })}
                      >
                        <option value="">{t('reviews.assess.notRated')}</option>
                        {ratingOptions.map((n) => (
                          <option key={n} value={String(n)}>
                            {t(`reviews.assess.rating.${n}`)}
                          </option>
                        ))}
                      </select>
                      <label className="label text-small" htmlFor={`${id}-comment`}>
                        {t('reviews.assess.comment')} <span className="optional">{t('layout.optional')}</span>
                        <span className="visually-hidden">
                          {' '}
                          ({c.name.text}, {area.id})
                        </span>
                      </label>
                      <input
                        id={`${id}-comment`}
                        className="input"
                        value={cells[key]?.comment ?? ''}
                        onChange={(e) => set(key, { comment: e.target.value })}
                      />
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          {
            <ButtonGroup>
              <Button variant="secondary" isBusy={save.isPending} onClick={() => void send('draft')}>
                {t('reviews.assess.saveDraft')}
              </Button>
              <Button isBusy={submit.isPending} onClick={() => void send('submit')}>
                {t('reviews.assess.submit', { state })}
              </Button>
            </ButtonGroup>
          }
          <p>
            <Link to={`/review/${scope.cycleId}`}>{t('reviews.assess.back')}</Link>
          </p>
        </form>
      )}
    </>
  );
}
