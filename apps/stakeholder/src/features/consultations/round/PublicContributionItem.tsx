import { LinkButton, Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../../session';
import { useLocalized, useZonedFormat, type PublicContribution, type RoundDetail } from '../data';

export function PublicContributionItem({
  round,
  contribution: c,
  reported,
  onReport,
}: {
  round: RoundDetail;
  contribution: PublicContribution;
  reported: boolean;
  onReport: () => void;
}) {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const pick = useLocalized();
  const me = useMe();
  const location = useLocation();
  const answers = (c.answers ?? {}) as Record<string, unknown>;
  const who = c.authorName
    ? c.organisationName
      ? t('consultations.record.namedOrg', { name: c.authorName, organisation: c.organisationName })
      : c.authorName
    : t('consultations.record.anonymous');
  const headingId = `contribution-${c.id}`;
  return (
    <li className="contribution" aria-labelledby={headingId}>
      <h3 className="heading-s contribution__who" id={headingId}>
        {who}
      </h3>
      <p className="contribution__meta">
        {[
          c.stakeholderGroup ? t(`common.stakeholderGroups.${c.stakeholderGroup}`) : null,
          c.memberState ? t(`common.memberStates.${c.memberState}`) : null,
          c.submittedAt ? format(c.submittedAt) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {c.themes.length > 0 && (
        <p className="contribution__themes">
          <span className="visually-hidden">{t('consultations.record.themes')} </span>
          {c.themes.map((th) => (
            <Tag key={th.id} tone="grey">
              {th.label}
            </Tag>
          ))}
        </p>
      )}
      <div lang={c.writtenIn ?? undefined}>
        {round.questions
          .filter((q) => answers[q.id] !== undefined && answers[q.id] !== null && answers[q.id] !== '')
          .map((q) => (
            <div key={q.id} className="contribution__answer">
              <p className="contribution__prompt" lang={pick(q.prompt).language}>
                {pick(q.prompt).text}
              </p>
              <p>{answerText(q, answers[q.id], pick, t)}</p>
            </div>
          ))}
        {c.items.map((item, i) => (
          <div key={i} className="contribution__item">
            <Tag tone="blue">{t(`consultations.itemType.${item.type}`)}</Tag>
            {item.actionId && (
              <>
                {' '}
                <Link to={`/actions/${item.actionId}`}>{item.actionId}</Link>
              </>
            )}
            <p>{item.text}</p>
          </div>
        ))}
      </div>
      {c.response && (
        <div className="contribution__response">
          <h4 className="heading-s">{t('consultations.record.response')}</h4>
          <p>{c.response}</p>
        </div>
      )}
      <p className="contribution__report">
        {reported ? (
          <span role="status">{t('consultations.report.thanks')}</span>
        ) : me.data ? (
          <LinkButton onClick={onReport}>
            {t('consultations.report.button')}
            <span className="visually-hidden"> — {who}</span>
          </LinkButton>
        ) : (
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + '#public-record')}`}>
            {t('consultations.report.signIn')}
          </Link>
        )}
      </p>
    </li>
  );
}

export function answerText(
  q: RoundDetail['questions'][number],
  value: unknown,
  pick: ReturnType<typeof useLocalized>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const option = (i: unknown) =>
    typeof i === 'number' && q.options[i] ? pick(q.options[i]).text : String(i);
  switch (q.kind) {
    case 'free_text':
      return String(value);
    case 'single_choice':
      return option(value);
    case 'multiple_choice':
      return Array.isArray(value) ? value.map(option).join(', ') : '';
    case 'ranking':
      return Array.isArray(value) ? value.map((v, i) => `${i + 1}. ${option(v)}`).join('  ') : '';
    case 'likert':
      return t('consultations.answer.likertValue', {
        value,
        points: q.likert?.points ?? 5,
        min: q.likert ? pick(q.likert.minLabel).text : '',
        max: q.likert ? pick(q.likert.maxLabel).text : '',
      });
    default:
      return String(value);
  }
}
