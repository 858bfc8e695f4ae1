import { FEEDBACK_TYPES } from '@musyawarah/core/consultation/vocabulary';
import {
  Button,
  ButtonGroup,
  languageAutonym,
  LinkButton,
  ModalDialog,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { useServerMessage, type RoundDetail } from './shared';

type Participation = Outputs['rounds']['participation'];

/** The system's first draft of "What we heard": how many took part, feedback by type, the themes tagged most. */
export function draftSummary(t: TFunction, participation: Participation | undefined): string {
  if (!participation) return '';
  const lines = [t('consultations.summary.draft.total', { count: participation.tally.total })];
  const types = FEEDBACK_TYPES.filter((type) => (participation.byType[type] ?? 0) > 0).map((type) =>
    t(`consultations.summary.draft.type.${type}`, { count: participation.byType[type] ?? 0 }),
  );
  if (types.length) lines.push(t('consultations.summary.draft.types', { list: types.join(', ') }));
  const themes = [...participation.byTheme].filter((th) => th.count > 0).sort((a, b) => b.count - a.count);
  if (themes.length)
    lines.push(
      t('consultations.summary.draft.themes', {
        list: themes
          .map((th) => t('consultations.summary.draft.theme', { label: th.label, count: th.count }))
          .join('; '),
      }),
    );
  lines.push('', t('consultations.summary.draft.next'));
  return lines.join('\n');
}

export function SummaryEditor({
  round,
  participation,
  onDone,
}: {
  round: RoundDetail;
  participation: Participation | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const draft = round.summaryDraft ?? null;
  const [text, setText] = useState<Record<string, string>>(() => ({
    ...(draft ?? {}),
    en: draft?.en ?? draftSummary(t, participation),
  }));
  const [error, setError] = useState<string | null>(null);
  // A refusal is said beside the publish button: below the texts in every language, far from the top on a phone.
  const notice = useNoticeBeside({ headingLevel: 3 });
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation(
    trpc.rounds.transition.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        onDone(t('consultations.actions.done.publish_summary'));
      },
      onError: (e) => {
        setConfirming(false);
        notice.error(serverMessage(e));
      },
    }),
  );

  if (round.phase === 'summary_published' && round.summary) {
    return (
      <div className="consult-summary">
        {round.languages.map((lang) =>
          round.summary?.[lang] ? (
            <div key={lang} lang={lang}>
              <h3 className="heading-s">{languageAutonym(lang)}</h3>
              <p className="prose consult-pre">{round.summary[lang]}</p>
            </div>
          ) : null,
        )}
      </div>
    );
  }
  if (round.phase !== 'closed') return <p>{t('consultations.summary.notYet')}</p>;

  const start = () => {
    notice.clear();
    if (!text.en?.trim()) {
      setError(t('consultations.summary.englishRequired'));
      document.getElementById(`${id}-en`)?.focus();
      return;
    }
    setError(null);
    setConfirming(true);
  };
  const summary = Object.fromEntries(
    Object.entries(text).filter(([lang, v]) => v.trim() && (lang === 'en' || round.languages.includes(lang))),
  ) as { en: string };

  return (
    <>
      <p className="prose">{t('consultations.summary.intro')}</p>
      {round.languages.map((lang) => (
        <div key={lang} className={lang === 'en' && error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={`${id}-${lang}`}>
            {t('consultations.summary.textIn', { language: languageAutonym(lang) })}
            {lang !== 'en' && <span className="optional"> {t('layout.optional')}</span>}
          </label>
          {lang === 'en' && error && (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
            </p>
          )}
          <textarea
            id={`${id}-${lang}`}
            lang={lang}
            rows={lang === 'en' ? 10 : 5}
            className={lang === 'en' && error ? 'textarea textarea--error' : 'textarea'}
            value={text[lang] ?? ''}
            aria-invalid={lang === 'en' && error ? true : undefined}
            aria-describedby={lang === 'en' && error ? `${id}-error` : undefined}
            onChange={(e) => setText((prev) => ({ ...prev, [lang]: e.target.value }))}
          />
        </div>
      ))}
      <Button onClick={start}>{t('consultations.summary.publish')}</Button>
      {notice.region}
      <ModalDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('consultations.summary.confirmTitle')}
      >
        <p>{t('consultations.summary.confirmBody')}</p>
        <ButtonGroup>
          <Button
            isBusy={publish.isPending}
            onClick={() => publish.mutate({ roundId: round.id, action: 'publish_summary', summary })}
          >
            {t('consultations.summary.confirm')}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('consultations.actions.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
