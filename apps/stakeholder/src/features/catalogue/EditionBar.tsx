import { Button, Tag, WarningText, formattingLocale } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import { CURRENT, STATIC, type Overview } from './data';
import { editionSearch } from './filters';

export type EditionSummary = Overview['edition'];
export type EditionChanges = Outputs['editions']['get'];

export function useEditions() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.editions.list.queryOptions(), ...CURRENT });
}

/** What the edition being read added, changed and retired compared with the one before it (null for edition 1). */
export function useEditionChanges(number: number | undefined) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.editions.get.queryOptions({ number: number ?? 1 }),
    ...STATIC,
    enabled: number !== undefined,
  });
}

/** "23 November 2026", in UTC so every reader sees the same day. */
export function useEditionDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(formattingLocale(i18n.language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return (value: Date | string) => format.format(new Date(value));
}

/** Link to the word-level differences an edition made, optionally to one action area's part. */
export function changesLink(number: number, actionAreaId?: string): string {
  return `/editions/compare?from=${number - 1}&to=${number}${actionAreaId ? `#${encodeURIComponent(actionAreaId)}` : ''}`;
}

/**
 * Which edition the catalogue shows, with a way to read another one. `onChoose` gets the chosen number, or undefined
 * for the current edition (which then drops out of the URL). The choice applies when the button is pressed, not on
 * every change of the list, so keyboard users can move through the options without the page changing under them.
 */
export function EditionBar({
  edition,
  onChoose,
}: {
  edition: EditionSummary;
  onChoose: (number: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const editions = useEditions();
  const date = useEditionDate();
  const [choice, setChoice] = useState(String(edition.number));
  const current = editions.data?.find((e) => e.status === 'current');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(choice);
    onChoose(current && number === current.number ? undefined : number);
  };
  return (
    <section className="edition-bar" aria-labelledby={`${id}-heading`}>
      <h2 className="heading-s edition-bar__heading" id={`${id}-heading`}>
        {t('catalogue.edition.reading', { number: edition.number })}{' '}
        <Tag tone={edition.status === 'current' ? 'green' : 'grey'}>
          {t(`catalogue.edition.status.${edition.status}`)}
        </Tag>
      </h2>
      <p className="edition-bar__meta">
        {edition.title}
        {' · '}
        {edition.adoptedAt
          ? t('catalogue.edition.adopted', { date: date(edition.adoptedAt) })
          : t('catalogue.edition.asPublished')}
        {edition.number > 1 && (
          <>
            {' · '}
            <Link to={changesLink(edition.number)}>
              {t('catalogue.edition.whatChanged', { number: edition.number })}
            </Link>
          </>
        )}
        {' · '}
        <Link to="/editions">{t('catalogue.edition.allEditions')}</Link>
      </p>
      {edition.status === 'superseded' && current && (
        <WarningText>
          {t('catalogue.edition.superseded', { number: edition.number, current: current.number })}{' '}
          <Link to="/actions">{t('catalogue.edition.readCurrent', { number: current.number })}</Link>
        </WarningText>
      )}
      {editions.data && editions.data.length > 1 && (
        <form className="edition-bar__switch" onSubmit={submit}>
          <label className="label" htmlFor={`${id}-choice`}>
            {t('catalogue.edition.switchLabel')}
          </label>
          <div className="edition-bar__row">
            <select
              id={`${id}-choice`}
              className="select"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
            >
              {editions.data.map((e) => (
                <option key={e.number} value={e.number}>
                  {t(
                    e.status === 'current' ? 'catalogue.edition.optionCurrent' : 'catalogue.edition.option',
                    { number: e.number, title: e.title },
                  )}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary">
              {t('catalogue.edition.switchButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * "New in edition 2" / "Changed in edition 2" with a link to the differences, for an action area or (with
 * `subActionId`) one of its sub-actions.
 */
export function ChangeBadge({
  changes,
  actionAreaId,
  subActionId,
}: {
  changes: EditionChanges | undefined;
  actionAreaId: string;
  subActionId?: string;
}) {
  const { t } = useTranslation();
  if (!changes?.changes) return null;
  const { added, changed } = subActionId ? changes.changes.subActions : changes.changes;
  const id = subActionId ?? actionAreaId;
  const status = added.includes(id) ? 'added' : changed.includes(id) ? 'changed' : null;
  if (!status) return null;
  return (
    <p className="change-badge">
      <Tag tone="yellow">{t(`catalogue.edition.badge.${status}`, { number: changes.number })}</Tag>{' '}
      <Link to={changesLink(changes.number, id)}>
        {t('catalogue.edition.seeChanges')}
        <span className="visually-hidden"> {t('catalogue.edition.seeChangesFor', { id })}</span>
      </Link>
    </p>
  );
}

export { editionSearch };
