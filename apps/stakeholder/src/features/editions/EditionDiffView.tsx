import { Diff, Tag } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outputs } from '../../trpc';

type EditionDiff = Outputs['editions']['compare']['diff'];
type ActionAreaDiff = EditionDiff['actionAreas'][number];
type ChangedArea = Extract<ActionAreaDiff, { status: 'changed' }>;
type SubActionDiff = ChangedArea['subActions'][number];
type FieldChange = ChangedArea['fields'][number];
type EntryChange = Extract<FieldChange, { field: 'milestones' }>['terms'][number]['entries'][number];

const STATUS_TONE = { added: 'green', retired: 'red', changed: 'yellow' } as const;

/** Added, retired and changed action areas in the Roadmap's order, each with an anchor (`#C3.3`) for deep links. */
export function EditionDiffView({ diff, from, to }: { diff: EditionDiff; from: number; to: number }) {
  return (
    <div className="edition-diff">
      {diff.actionAreas.map((area) => (
        <AreaDiff key={area.id} area={area} from={from} to={to} />
      ))}
    </div>
  );
}

function AreaDiff({ area, from, to }: { area: ActionAreaDiff; from: number; to: number }) {
  const { t } = useTranslation();
  const headingId = area.id;
  const readIn = area.status === 'retired' ? from : to;
  return (
    <section className="area-diff" aria-labelledby={headingId}>
      <h3 className="heading-m area-diff__heading scroll-target" id={headingId} tabIndex={-1}>
        <span className="caption">{t('editions.diff.areaCaption', { id: area.id })}</span>
        {area.title} <Tag tone={STATUS_TONE[area.status]}>{t(`editions.diff.status.${area.status}`)}</Tag>
      </h3>
      {area.status === 'changed' ? (
        <>
          <Fields fields={area.fields} />
          {area.subActions.map((sub) => (
            <SubDiff key={sub.id} sub={sub} />
          ))}
        </>
      ) : (
        <>
          <p>{t(`editions.diff.wholeArea.${area.status}`, { count: area.actionArea.subActions.length })}</p>
          <ul className="list">
            {area.actionArea.subActions.map((sub) => (
              <li key={sub.id}>
                {sub.id} {sub.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/actions/${encodeURIComponent(area.id)}?edition=${readIn}`}>
          {t('editions.diff.readIn', { id: area.id, number: readIn })}
        </Link>
      </p>
    </section>
  );
}

function SubDiff({ sub }: { sub: SubActionDiff }) {
  const { t } = useTranslation();
  return (
    <section className="sub-diff" aria-labelledby={sub.id}>
      <h4 className="heading-s sub-diff__heading" id={sub.id}>
        {sub.id} {sub.title}{' '}
        <Tag tone={STATUS_TONE[sub.status]}>{t(`editions.diff.status.${sub.status}`)}</Tag>
      </h4>
      {sub.status === 'changed' ? (
        <Fields fields={sub.fields} />
      ) : (
        <p className="text-secondary">{t(`editions.diff.wholeSubAction.${sub.status}`)}</p>
      )}
    </section>
  );
}

function Fields({ fields }: { fields: FieldChange[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <dl className="field-diffs">
      {fields.map((field) => (
        <div className="field-diffs__field" key={field.field}>
          <dt className="field-diffs__name">{t(`editions.diff.field.${field.field}`)}</dt>
          <dd className="field-diffs__value">
            <FieldValue field={field} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FieldValue({ field }: { field: FieldChange }) {
  const { t } = useTranslation();
  switch (field.field) {
    case 'title':
      return <Diff parts={field.diff} />;
    case 'linkedCriteria':
      return (
        <ul className="list">
          {field.added.length > 0 && (
            <li>{t('editions.diff.criteriaAdded', { ids: field.added.join(', ') })}</li>
          )}
          {field.removed.length > 0 && (
            <li>{t('editions.diff.criteriaRemoved', { ids: field.removed.join(', ') })}</li>
          )}
        </ul>
      );
    case 'milestones':
      return (
        <>
          {field.terms.map((term) => (
            <div key={term.term} className="field-diffs__term">
              <p className="field-diffs__term-name">{t(`catalogue.term.${term.term}`)}</p>
              <Entries entries={term.entries} />
            </div>
          ))}
          {field.moved.length > 0 && (
            <ul className="entry-diffs">
              {field.moved.map((move, index) => (
                <li key={index} className="entry-diffs__entry">
                  <Tag tone="blue">{t('editions.diff.entry.moved')}</Tag>{' '}
                  {t('editions.diff.movedBetween', {
                    from: t(`catalogue.term.${move.from}`),
                    to: t(`catalogue.term.${move.to}`),
                  })}{' '}
                  <span className="entry-diffs__text">{move.text}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      );
    default:
      return <Entries entries={field.entries} />;
  }
}

function Entries({ entries }: { entries: EntryChange[] }) {
  const { t } = useTranslation();
  return (
    <ul className="entry-diffs">
      {entries.map((entry) => {
        const key = `${entry.status}-${entry.index}`;
        if (entry.status === 'changed') {
          return (
            <li key={key} className="entry-diffs__entry">
              <Tag tone="yellow">{t('editions.diff.entry.changed')}</Tag>{' '}
              {entry.name.length > 0 && (
                <>
                  <strong>
                    <Diff parts={entry.name} />
                  </strong>
                  {': '}
                </>
              )}
              <Diff parts={entry.text} />
            </li>
          );
        }
        const type = entry.status === 'added' ? 'insert' : 'delete';
        return (
          <li key={key} className="entry-diffs__entry">
            <Tag tone={entry.status === 'added' ? 'green' : 'red'}>
              {t(`editions.diff.entry.${entry.status}`)}
            </Tag>{' '}
            <Diff parts={[{ type, value: entry.name ? `${entry.name}: ${entry.text}` : entry.text }]} />
          </li>
        );
      })}
    </ul>
  );
}
