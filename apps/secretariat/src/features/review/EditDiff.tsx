import type { EditionDiff, EntryChange, FieldChange, TextDiff } from '@musyawarah/core/editions/diff';
import { useTranslation } from 'react-i18next';

/**
 * What one edit changes, as a word-level diff. Interim renderer until the editions domain's shared `Diff` component
 * lands in the UI kit; insertions and deletions are announced, not only coloured.
 */
export function EditDiff({ diff }: { diff: EditionDiff }) {
  const { t } = useTranslation();
  if (diff.actionAreas.length === 0) return <p className="hint">{t('reviews.diff.noChange')}</p>;
  return (
    <div className="review-diff">
      {diff.actionAreas.map((area) => (
        <div key={area.id}>
          <p className="heading-s">
            {area.status === 'changed'
              ? t('reviews.diff.areaChanged', { id: area.id })
              : t(`reviews.diff.area.${area.status}`, { id: area.id, title: area.title })}
          </p>
          {area.status === 'changed' && (
            <>
              {area.fields.map((field, i) => (
                <Field key={i} change={field} />
              ))}
              {area.subActions.map((sub) => (
                <div key={sub.id} className="review-diff__sub">
                  <p className="heading-s">
                    {sub.status === 'changed'
                      ? t('reviews.diff.subChanged', { id: sub.id })
                      : t(`reviews.diff.sub.${sub.status}`, { id: sub.id, title: sub.title })}
                  </p>
                  {sub.status === 'changed' && sub.fields.map((field, i) => <Field key={i} change={field} />)}
                </div>
              ))}
            </>
          )}
        </div>
      ))}
    </div>
  );
}

function Field({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const label = t(`reviews.field.${change.field}`);
  if (change.field === 'title')
    return (
      <p>
        <strong>{label}: </strong>
        <Words diff={change.diff} />
      </p>
    );
  if (change.field === 'linkedCriteria')
    return (
      <p>
        <strong>{label}: </strong>
        {change.added.length > 0 && t('reviews.diff.criteriaAdded', { ids: change.added.join(', ') })}{' '}
        {change.removed.length > 0 && t('reviews.diff.criteriaRemoved', { ids: change.removed.join(', ') })}
      </p>
    );
  if (change.field === 'milestones')
    return (
      <>
        {change.terms.map((term) => (
          <Entries key={term.term} label={`${label} (${t(`reviews.term.${term.term}`)})`} entries={term.entries} />
        ))}
        {change.moved.map((m, i) => (
          <p key={i}>{t('reviews.diff.moved', { text: m.text, from: t(`reviews.term.${m.from}`), to: t(`reviews.term.${m.to}`) })}</p>
        ))}
      </>
    );
  return <Entries label={label} entries={change.entries} />;
}

function Entries({ label, entries }: { label: string; entries: EntryChange[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="review-diff__label">
        <strong>{label}</strong>
      </p>
      <ul className="review-diff__entries">
        {entries.map((e, i) => (
          <li key={i}>
            {e.status === 'changed' ? (
              <>
                <span className="text-secondary">{t('reviews.diff.entryChanged', { n: e.index + 1 })} </span>
                {e.name && (
                  <>
                    <Words diff={e.name} />:{' '}
                  </>
                )}
                <Words diff={e.text} />
              </>
            ) : e.status === 'added' ? (
              <ins className="review-ins">
                <span className="visually-hidden">{t('reviews.diff.inserted')} </span>
                {e.name ? `${e.name}: ` : ''}
                {e.text}
              </ins>
            ) : (
              <del className="review-del">
                <span className="visually-hidden">{t('reviews.diff.deleted')} </span>
                {e.name ? `${e.name}: ` : ''}
                {e.text}
              </del>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Words({ diff }: { diff: TextDiff }) {
  const { t } = useTranslation();
  return (
    <span className="review-pre">
      {diff.map((part, i) =>
        part.type === 'equal' ? (
          <span key={i}>{part.value}</span>
        ) : part.type === 'insert' ? (
          <ins key={i} className="review-ins">
            <span className="visually-hidden">{t('reviews.diff.inserted')} </span>
            {part.value}
          </ins>
        ) : (
          <del key={i} className="review-del">
            <span className="visually-hidden">{t('reviews.diff.deleted')} </span>
            {part.value}
          </del>
        ),
      )}
    </span>
  );
}
