// One suggestion with its terms, size, languages and quotes, and the decisions a person takes on it.
import { themeLabel, type ThemeDecisionInput } from '@musyawarah/core';
import {
  Button,
  ButtonGroup,
  Form,
  ModalDialog,
  Tag,
  TextField,
  languageLabel,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import type { Suggestion } from './ThemesPage';

const labelForm = z.object({ label: themeLabel });
const optionalLabelForm = z.object({ label: z.union([z.literal(''), themeLabel]) });

type Decision = ThemeDecisionInput;

function useDecide(roundId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.insight.decide.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.insight.analysis.queryKey({ roundId }) }),
    }),
  );
}

const STATUS_TONE = {
  open: 'blue',
  accepted: 'green',
  rejected: 'grey',
  merged: 'grey',
  split: 'grey',
} as const;

export function suggestionName(s: Suggestion, t: TFunction) {
  if (s.label) return s.label;
  if (s.unplaced) return t('insight.card.unplacedName');
  return t('insight.card.unnamed', { terms: s.terms.slice(0, 3).join(', ') });
}

export function SuggestionCard({
  roundId,
  suggestion: s,
  selected,
  onSelect,
  onDone,
}: {
  roundId: string;
  suggestion: Suggestion;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(roundId);
  const [dialog, setDialog] = useState<'accept' | 'rename' | null>(null);
  const name = suggestionName(s, t);
  const headingId = `suggestion-${s.id}`;
  const simple = (input: Decision, done: string) =>
    decide.mutate(input, { onSuccess: () => onDone(t(done, { name })) });
  return (
    <li className="insight-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="heading-s">
        {name} <Tag tone={STATUS_TONE[s.status]}>{t(`insight.status.${s.status}`)}</Tag>
      </h3>
      <dl className="insight-facts">
        <dt>{t('insight.card.size')}</dt>
        <dd>{t('insight.card.contributions', { count: s.size })}</dd>
        <dt>{t('insight.card.languages')}</dt>
        <dd>{s.languages.map((l) => languageLabel(l)).join(', ')}</dd>
        {s.terms.length > 0 && (
          <>
            <dt>{t('insight.card.terms')}</dt>
            <dd>
              <ul className="insight-terms">
                {s.terms.map((term) => (
                  <li key={term} lang={s.languages.length === 1 ? s.languages[0] : undefined}>
                    {term}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {s.unplaced && <p className="hint">{t('insight.card.unplacedHint')}</p>}
      <h4 className="heading-xs">{t('insight.card.quotes')}</h4>
      {s.quotes.map((q) => (
        <blockquote key={q.contributionId} lang={q.language} className="insight-quote">
          {q.text}
        </blockquote>
      ))}
      {s.status === 'open' && (
        <>
          <div className="choice insight-select">
            <input
              id={`select-${s.id}`}
              type="checkbox"
              className="choice__input"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
            />
            <label htmlFor={`select-${s.id}`} className="choice__label">
              {t('insight.card.selectForMerge', { name })}
            </label>
          </div>
          <ButtonGroup>
            <Button onClick={() => setDialog('accept')}>{t('insight.card.accept')}</Button>
            <Button variant="secondary" onClick={() => setDialog('rename')}>
              {t('insight.card.rename')}
            </Button>
            {s.size > 1 && (
              <Button
                variant="secondary"
                isBusy={decide.isPending && decide.variables?.decision === 'split'}
                onClick={() => simple({ decision: 'split', suggestionId: s.id }, 'insight.done.split')}
              >
                {t('insight.card.split')}
              </Button>
            )}
            <Button
              variant="warning"
              isBusy={decide.isPending && decide.variables?.decision === 'reject'}
              onClick={() => simple({ decision: 'reject', suggestionId: s.id }, 'insight.done.reject')}
            >
              {t('insight.card.reject')}
            </Button>
          </ButtonGroup>
        </>
      )}
      <ModalDialog
        isOpen={dialog !== null}
        onOpenChange={(open) => !open && setDialog(null)}
        title={dialog === 'rename' ? t('insight.dialog.renameTitle') : t('insight.dialog.acceptTitle')}
      >
        {dialog && (
          <LabelDialog
            id={`${dialog}-${s.id}`}
            initial={s.label ?? ''}
            intro={dialog === 'accept' ? t('insight.dialog.acceptBody', { count: s.size }) : undefined}
            submitLabel={dialog === 'accept' ? t('insight.card.accept') : t('insight.card.rename')}
            onSubmit={async (label) => {
              await decide.mutateAsync({ decision: dialog, suggestionId: s.id, label });
              setDialog(null);
              onDone(t(dialog === 'accept' ? 'insight.done.accept' : 'insight.done.rename', { name: label }));
            }}
          />
        )}
      </ModalDialog>
    </li>
  );
}

function LabelDialog({
  id,
  initial,
  intro,
  submitLabel,
  onSubmit,
}: {
  id: string;
  initial: string;
  intro?: string | undefined;
  submitLabel: string;
  onSubmit: (label: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useZodForm(labelForm, { defaultValues: { label: initial } });
  return (
    <Form form={form} id={id} onSubmit={(values) => onSubmit(values.label)}>
      {intro && <p>{intro}</p>}
      <TextField
        name="label"
        label={t('insight.dialog.label')}
        hint={t('insight.dialog.labelHint')}
        width="full"
      />
      <Button type="submit" isBusy={form.formState.isSubmitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Merging the selected suggestions, across languages too; the merge is stored as a suggestion of its own. */
export function MergeBar({
  roundId,
  selected,
  onDone,
}: {
  roundId: string;
  selected: string[];
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(roundId);
  const [open, setOpen] = useState(false);
  const form = useZodForm(optionalLabelForm, { defaultValues: { label: '' } });
  return (
    <div className="insight-merge" role="region" aria-label={t('insight.merge.region')}>
      <p aria-live="polite">{t('insight.merge.selected', { count: selected.length })}</p>
      <Button variant="secondary" disabled={selected.length < 2} onClick={() => setOpen(true)}>
        {t('insight.merge.button')}
      </Button>
      <ModalDialog isOpen={open} onOpenChange={setOpen} title={t('insight.merge.title')}>
        <Form
          form={form}
          id="merge-suggestions"
          onSubmit={async ({ label }) => {
            await decide.mutateAsync({
              decision: 'merge',
              suggestionIds: selected,
              ...(label ? { label } : {}),
            });
            setOpen(false);
            form.reset({ label: '' });
            onDone(t('insight.done.merge', { count: selected.length }));
          }}
        >
          <p>{t('insight.merge.body', { count: selected.length })}</p>
          <TextField name="label" label={t('insight.dialog.label')} optional width="full" />
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {t('insight.merge.button')}
          </Button>
        </Form>
      </ModalDialog>
    </div>
  );
}
