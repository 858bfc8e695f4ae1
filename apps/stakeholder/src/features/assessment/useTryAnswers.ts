import { useCallback, useEffect, useState } from 'react';
import { cleanAnswers, decodeAnswers, type Answer, type Answers } from './answers';

const STORAGE_KEY = 'musyawarah.assessment.try';

/** Answers of the unsaved ("try it") assessment, kept in this tab only (sessionStorage), never on the server. */
export function readTryAnswers(): Answers {
  try {
    return cleanAnswers(JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

function writeTryAnswers(answers: Answers) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch {
    // Storage can be unavailable (private mode): the answers then last as long as the page.
  }
}

/** Starts from `?answers=` when a result link brought the user back, otherwise from this tab's earlier answers. */
export function useTryAnswers(fromLink: string | null) {
  const [answers, setAnswers] = useState<Answers>(() => decodeAnswers(fromLink) ?? readTryAnswers());
  useEffect(() => writeTryAnswers(answers), [answers]);
  const answer = useCallback((id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value })), []);
  const clear = useCallback(() => setAnswers({}), []);
  return { answers, answer, clear };
}
