import { useEffect, useRef, useState } from 'react';
import { DraftSaver, type DraftSaverOptions, type SaveState } from './draft-saver';

export type UseDraftSaverOptions<P, R> = Omit<DraftSaverOptions<P, R>, 'onState'> & {
  /** The state before anything is saved on this page (e.g. "saved at …" for a restored draft). */
  initialState?: SaveState;
};

/**
 * A `DraftSaver` for the life of a page: its state for the status line, a browser warning on leaving while changes
 * are unsaved, and whatever is pending sent when the page is left inside the app.
 */
export function useDraftSaver<P, R>({ initialState, ...options }: UseDraftSaverOptions<P, R>) {
  const [state, setState] = useState<SaveState>(
    initialState ?? (options.paused ? { kind: 'paused' } : { kind: 'idle' }),
  );
  // The saver outlives renders; the latest callbacks (a mutation's `mutateAsync`, a cache update) reach it via a ref.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [saver] = useState(
    () =>
      new DraftSaver<P, R>({
        ...options,
        save: (payload, expectedVersion) => latest.current.save(payload, expectedVersion),
        onSaved: (saved) => latest.current.onSaved?.(saved),
        onState: setState,
      }),
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.isBusy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (saver.isBusy) void saver.flush();
      saver.dispose();
    };
  }, [saver]);

  return { state, saver };
}
