import { errorKey, useDraftSaver } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';
import type { Answer, Answers, EvidenceEntry } from './answers';
import type { OwnAssessment } from './data';

export type { SaveState } from '@musyawarah/ui';

export interface DraftPayload {
  answers: Answers;
  evidence: Record<string, EvidenceEntry>;
}

/** The kit's draft saver for one draft assessment, versioned, wired to `assessments.saveDraft`. */
export function useAutosave(id: string, initialVersion: number, onSaved: (saved: OwnAssessment) => void) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.assessments.saveDraft.mutationOptions());
  const { state, saver } = useDraftSaver<DraftPayload, OwnAssessment>({
    version: initialVersion,
    versionOf: (saved) => saved.version,
    savedAt: (saved) => saved.updatedAt,
    save: (payload, expectedVersion) =>
      mutateAsync({
        id,
        expectedVersion: expectedVersion ?? initialVersion,
        answers: payload.answers as Record<string, Answer>,
        evidence: payload.evidence,
      }),
    isConflict: (error) => errorKey(error) === 'assessments.editConflict',
    onSaved,
  });

  return {
    state,
    schedule: (payload: DraftPayload) => saver.schedule(payload),
    flush: () => saver.flush(),
    version: () => saver.currentVersion ?? initialVersion,
    isConflicted: () => saver.isConflicted,
    markConflict: () => saver.markConflict(),
  };
}
