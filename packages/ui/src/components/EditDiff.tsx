import type { EditionDiff, EntryChange, FieldChange, TextDiff } from '@musyawarah/core/editions/diff';
import { Diff } from './Diff';
import { useTranslation } from 'react-i18next';

/** What one edit changes: the edition diff's areas, sub-actions and fields, each text as the kit's word-level `Diff`. */
export function EditDiff({ diff }: { diff: EditionDiff }) {
  const { t } = useTranslation();
  if (diff.actionAreas.length === 0) return <p className="hint">{t('edition.editDiff.diff.noChange')}</p>;
  return (
    <div className="review-diff">
      {diff.actionAreas.map((area) => (
        <div key={area.id}>
          <p className="heading-s">
            {area.status === 'changed'
              ? t('edition.editDiff.diff.areaChanged', { id: area.id, title: area.title })
              : t(`edition.editDiff.diff.area.${area.status}`, { id: area.id, title: area.title })}
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
                      ? t('edition.editDiff.diff.subChanged', { id: sub.id, title: sub.title })
                      : t(`edition.editDiff.diff.sub.${sub.status}`, { id: sub.id, title: sub.title })}
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
  const label = t(`edition.editDiff.field.${change.field}`);
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
        {change.added.length > 0 &&
          t('edition.editDiff.diff.criteriaAdded', { ids: change.added.join(', ') })}{' '}
        {change.removed.length > 0 &&
          t('edition.editDiff.diff.criteriaRemoved', { ids: change.removed.join(', ') })}
      </p>
    );
  if (change.field === 'milestones')
    return (
      <>
        {change.terms.map((term) => (
          <Entries
            key={term.term}
            label={`${label} (${t(`edition.editDiff.term.${term.term}`)})`}
            entries={term.entries}
          />
        ))}
        {change.moved.map((m, i) => (
          <p key={i}>
            {t('edition.editDiff.diff.moved', {
              text: m.text,
              from: t(`edition.editDiff.term.${m.from}`),
              to: t(`edition.editDiff.term.${m.to}`),
            })}
          </p>
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
                <span className="text-secondary">
                  {t('edition.editDiff.diff.entryChanged', { n: e.index + 1 })}{' '}
                </span>
                {e.name && e.name.length > 0 && (
                  <>
                    <Words diff={e.name} />:{' '}
                  </>
                )}
                <Words diff={e.text} />
              </>
            ) : (
              <>
                <span className="text-secondary">{t(`edition.editDiff.diff.entry.${e.status}`)} </span>
                <Diff
                  parts={[
                    {
                      type: e.status === 'added' ? 'insert' : 'delete',
                      value: e.name ? `${e.name}: ${e.text}` : e.text,
                    },
                  ]}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Words({ diff }: { diff: TextDiff }) {
  return <Diff parts={diff} className="review-pre" />;
}
