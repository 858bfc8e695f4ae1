import { useCallback, useMemo } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/translate';
import { applyServerError, errorKey, INTERNAL_ERROR, mapServerError } from './server-error';

export interface ServerMessageOptions {
  /**
   * Where the app keeps a translation for an API key the shared locale may not have yet, given the key with its dots
   * as underscores: `(key) => \`boards.server.${key}\`` reads `board.editConflict` from `boards.server.board_editConflict`.
   */
  localKey?: (underscoredKey: string) => string;
}

export interface ServerMessage {
  /** What a tRPC call threw, in words: the API's message key translated, or a generic message for the status. */
  (error: unknown): string;
  /**
   * Puts the error's field errors onto the form's fields (`setError`, translated where the field shows them) and
   * returns the form-level notice, or null when the field errors say it all.
   */
  onForm<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string | null;
}

/** Translates what a procedure threw, for a notice beside the action or on a react-hook-form form. */
export function useServerMessage({ localKey }: ServerMessageOptions = {}): ServerMessage {
  const { t, i18n } = useTranslation();
  const tm = useMessage();
  const exists = useCallback((key: string) => i18n.exists(key), [i18n]);
  const localText = useCallback(
    (error: unknown): string | null => {
      const key = errorKey(error);
      if (!localKey || !key || i18n.exists(key)) return null;
      const local = localKey(key.replace(/\./g, '_'));
      return i18n.exists(local) ? t(local) : null;
    },
    [localKey, t, i18n],
  );
  return useMemo(() => {
    const text = (error: unknown): string => {
      const local = localText(error);
      if (local !== null) return local;
      return tm(mapServerError(error, exists).message ?? INTERNAL_ERROR);
    };
    const onForm = <T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string | null => {
      const mapped = applyServerError(error, setError, exists);
      if (mapped.fieldErrors.length > 0 && !mapped.message) return null;
      return localText(error) ?? tm(mapped.message ?? INTERNAL_ERROR);
    };
    return Object.assign(text, { onForm });
  }, [localText, exists, tm]);
}
