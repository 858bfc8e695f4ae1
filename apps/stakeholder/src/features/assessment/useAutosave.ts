import { errorKey } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../trpc';
import type { Answer, Answers, EvidenceEntry } from './answers';
import type { OwnAssessment } from './data';

export interface DraftPayload {
  answers: Answers;
  evidence: Record<string, EvidenceEntry>;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date | string }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves a draft assessment shortly after each change (debounced), one request at a time, with optimistic concurrency:
 * every save sends the version it started from, and a CONFLICT (someone else saved in between) stops autosaving until
 * the user reloads. A failed save keeps the changes and is retried with the next change or `flush()`.
 */
export function useAutosave(id: string, initialVersion: number, onSaved: (saved: OwnAssessment) => void) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.assessments.saveDraft.mutationOptions());
  const version = useRef(initialVersion);
  const pending = useRef<DraftPayload | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const conflicted = useRef(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  /** Saves what is pending; resolves true when everything the user changed is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (running.current) await running.current;
    if (conflicted.current) return false;
    const payload = pending.current;
    if (!payload) return true;
    pending.current = null;
    setState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const saved = await mutateAsync({
          id,
          expectedVersion: version.current,
          answers: payload.answers as Record<string, Answer>,
          evidence: payload.evidence,
        });
        version.current = saved.version;
        onSaved(saved);
        if (!pending.current) setState({ kind: 'saved', at: saved.updatedAt });
        return true;
      } catch (error) {
        if (errorKey(error) === 'assessments.editConflict') {
          conflicted.current = true;
          setState({ kind: 'conflict' });
        } else {
          // Keep the unsaved changes (unless newer ones arrived meanwhile) for the next attempt.
          pending.current ??= payload;
          setState({ kind: 'error', error });
        }
        return false;
      }
    })();
    running.current = attempt;
    const ok = await attempt;
    running.current = null;
    // Changes made while this save ran go out next.
    if (ok && pending.current) return flush();
    return ok && !pending.current;
  }, [id, mutateAsync, onSaved]);

  const schedule = useCallback(
    (payload: DraftPayload) => {
      if (conflicted.current) return;
      pending.current = payload;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the page: send what is pending, and ask the browser to warn while a save is outstanding.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || running.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current && !conflicted.current) void flush();
    };
  }, [flush]);

  return {
    state,
    schedule,
    flush,
    version: () => version.current,
    isConflicted: () => conflicted.current,
    markConflict: () => {
      conflicted.current = true;
      setState({ kind: 'conflict' });
    },
  };
}
