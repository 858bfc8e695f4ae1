import { Tag, formattingLocale } from '@musyawarah/ui';
import { useTranslation } from 'react-i18next';

const STAGE_TONE: Record<string, 'grey' | 'yellow' | 'green' | 'blue'> = {
  call_for_input: 'blue',
  assessment: 'blue',
  drafting: 'yellow',
  comment_period: 'green',
  finalisation: 'yellow',
  adoption: 'yellow',
  adopted: 'grey',
  closed: 'grey',
};

export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <Tag tone={STAGE_TONE[stage] ?? 'grey'}>{t(`reviews.stage.${stage}`)}</Tag>;
}

const POSITION_TONE: Record<string, 'green' | 'red' | 'grey' | 'blue'> = {
  support: 'green',
  support_with_amendment: 'blue',
  object: 'red',
  abstain: 'grey',
};

export function PositionTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag tone={POSITION_TONE[kind] ?? 'grey'}>{t(`reviews.position.${kind}`)}</Tag>;
}

export function ResolutionTag({ kind }: { kind: string | null | undefined }) {
  const { t } = useTranslation();
  if (!kind) return <Tag tone="grey">{t('reviews.resolution.unresolved')}</Tag>;
  return <Tag tone={kind === 'rejected' ? 'red' : 'green'}>{t(`reviews.resolution.${kind}`)}</Tag>;
}

/** Translates what a review procedure threw (the shared locale carries every `review.*` refusal). */
export { useServerMessage } from '@musyawarah/ui';

/** "Edit 3: change an entry (C2.1.1)" */
export function useEditTitle() {
  const { t } = useTranslation();
  return (payload: unknown, n: number) => {
    const p = payload as Record<string, unknown> & { kind: string };
    const list = p.list as { actionAreaId?: string; subActionId?: string } | undefined;
    const where =
      (typeof p.subActionId === 'string' && p.subActionId) ||
      list?.subActionId ||
      (p.subAction as { id?: string } | undefined)?.id ||
      (typeof p.actionAreaId === 'string' && p.actionAreaId) ||
      list?.actionAreaId ||
      (p.actionArea as { id?: string } | undefined)?.id ||
      '';
    return t('reviews.edit.title', { n, kind: t(`reviews.kind.${p.kind}`), where });
  };
}

/** A calendar day (`YYYY-MM-DD`) in the reader's language. */
export function useDay() {
  const { i18n } = useTranslation();
  return (day: string | null | undefined) =>
    day
      ? new Intl.DateTimeFormat(formattingLocale(i18n.language), {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`))
      : '';
}
