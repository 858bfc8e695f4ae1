import type { SubmitContributionInput } from '@musyawarah/core/consultation/schemas';
import { errorKey, errorStatus, mapServerError, type DraftSaver } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../../trpc';
import { clearSubmissionKey, submissionKey } from '../idempotency';
import type { Values } from './values';

type Parsed = Omit<SubmitContributionInput, 'idempotencyKey'>;

/**
 * Sending the contribution once: the idempotency key is stored before the request leaves and reused by every retry,
 * so a double press, a timeout or a reload yields one receipt. While the request runs, and after an attempt whose
 * answer never arrived (`setUnsure(true)`), the draft is not saved: the API may already have turned it into the submission.
 */
export function useSubmission<R>(
  roundId: string,
  saver: DraftSaver<Values, R>,
  current: () => Values,
  setUnsure: (unsure: boolean) => void,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { mutateAsync } = useMutation(trpc.contributions.submit.mutationOptions());
  const [submitting, setSubmitting] = useState(false);
  const [closed, setClosed] = useState(false);
  const inFlight = useRef(false);

  /** Throws what the API refused with, for the form to show; the deadline is said by the page's banner instead. */
  const submit = async (parsed: Parsed) => {
    // A second press while the first request runs does nothing; a retry later reuses the stored key.
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    try {
      // No draft save may land after the submission (it would start a new draft).
      await saver.pause();
      const idempotencyKey = submissionKey(roundId);
      const receipt = await mutateAsync({ ...parsed, idempotencyKey });
      clearSubmissionKey(roundId);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.contributions.mine.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contributions.listPublic.queryKey({ roundId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.rounds.listPublic.queryKey() }),
      ]);
      queryClient.removeQueries({ queryKey: trpc.contributions.myDraft.queryKey({ roundId }) });
      void navigate(`/consultations/${roundId}/receipt/${encodeURIComponent(receipt.receiptReference)}`, {
        state: { submittedAt: receipt.submittedAt, contributionId: receipt.id },
      });
    } catch (error) {
      const key = errorKey(error);
      if (key === 'round.closed' || key === 'round.notOpenYet') {
        // The banner above the form says so, and takes focus; nothing more will be saved.
        saver.stop(error);
        setClosed(true);
        return;
      }
      const status = errorStatus(error);
      if (mapServerError(error).network || status === null || status >= 500) {
        // Outcome unknown: keep the key for the retry, keep autosave off.
        setUnsure(true);
      } else {
        // The API answered and refused: nothing was stored under this key. Back to editing, saved as before.
        clearSubmissionKey(roundId);
        setUnsure(false);
        saver.resume(current());
      }
      throw error;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting, closed };
}
