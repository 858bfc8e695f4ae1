import { english } from '../shared';
import type { Question } from './types';

export function answerText(
  question: Question,
  value: unknown,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const options = (question.options as unknown[]).map(english);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (question.kind === 'likert')
      return t('consultations.moderation.likertAnswer', { value, points: question.likert?.points ?? '' });
    return options[value] ?? String(value);
  }
  if (Array.isArray(value))
    return value.map((v: number) => options[v] ?? String(v)).join(question.kind === 'ranking' ? ' › ' : ', ');
  return '';
}
