import { errorKey } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../trpc';
import type { Answer, Answers, EvidenceEntry } from './answers';
import type { OwnAssessment } from './data';
import { DraftSaver, type SaveState } from './draftSaver';

export type { SaveState } from './draftSaver';

export interface DraftPayload {
  answers: Answers;
  evidence: Record<string, EvidenceEntry>;
}

/** A DraftSaver for one draft assessment, wired to `assessments.saveDraft`; the save state drives the status line. */
export function useAutosave(id: string, initialVersion: number, onSaved: (saved: OwnAssessment) => void) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.assessments.saveDraft.mutationOptions());
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The saver outlives renders; the latest callbacks reach it through refs.
  const latest = useRef({ mutateAsync, onSaved });
  useEffect(() => {
    latest.current = { mutateAsync, onSaved };
  }, [mutateAsync, onSaved]);
  const [saver] = useState(
    () =>
      new DraftSaver<DraftPayload, OwnAssessment>({
        version: initialVersion,
        save: (payload, expectedVersion) =>
          latest.current.mutateAsync({
            id,
            expectedVersion,
            answers: payload.answers as Record<string, Answer>,
            evidence: payload.evidence,
          }),
        isConflict: (error) => errorKey(error) === 'assessments.editConflict',
        onState: setState,
        onSaved: (saved) => latest.current.onSaved(saved),
      }),
  );

  // Leaving the page: send what is pending, and ask the browser to warn while a save is outstanding.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.isBusy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (saver.isBusy && !saver.isConflicted) void saver.flush();
      saver.dispose();
    };
  }, [saver]);

  return {
    state,
    schedule: (payload: DraftPayload) => saver.schedule(payload),
    flush: () => saver.flush(),
    version: () => saver.currentVersion,
    isConflicted: () => saver.isConflicted,
    markConflict: () => saver.markConflict(),
  };
}
