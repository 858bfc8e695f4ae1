import { errorKey, useDraftSaver } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTRPC } from '../../../trpc';
import type { Draft, RoundDetail } from '../data';
import { AUTOSAVE_DELAY_MS } from './formId';
import { draftInput, hasGroup, type Values } from './values';

/**
 * The contribution draft, saved as the form changes (`watch` → the kit's draft saver): unversioned, stopped for good
 * when the round has closed, not sent without the participant's group, and paused from the start while an earlier
 * submission's outcome is unknown (the API may already have turned the draft into that submission).
 */
export function useContributionDraft(
  round: Pick<RoundDetail, 'id' | 'questions'>,
  draft: Draft | null,
  form: Pick<UseFormReturn<Values>, 'watch' | 'getValues'>,
  unsure: boolean,
) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.contributions.saveDraft.mutationOptions());
  const { state, saver } = useDraftSaver<Values, { savedAt: Date | string }>({
    save: (values) =>
      hasGroup(values)
        ? mutateAsync(draftInput(round, values))
        : Promise.reject(new Error('A draft needs the participant’s group')),
    savedAt: (saved) => saved.savedAt,
    canSave: hasGroup,
    isStop: (error) => errorKey(error) === 'round.closed',
    paused: unsure,
    delayMs: AUTOSAVE_DELAY_MS,
    initialState: unsure
      ? { kind: 'paused' }
      : draft
        ? { kind: 'saved', at: draft.updatedAt }
        : { kind: 'idle' },
  });

  const { watch, getValues } = form;
  useEffect(() => {
    const subscription = watch(() => saver.schedule(getValues()));
    return () => subscription.unsubscribe();
  }, [watch, getValues, saver]);

  return { state, saver };
}
