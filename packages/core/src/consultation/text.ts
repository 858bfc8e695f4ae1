import { LANGUAGES } from '../domain';

/*
 * Consultation rules that need no Roadmap catalogue. Kept out of rules.ts, which loads the catalogue (≈540 KB of JSON),
 * so that the apps can import them by subpath (`@musyawarah/core/consultation/text`) without shipping it to phones.
 */

/**
 * Whether this participant is in the round's audience. Public rounds take everyone; an invited-groups round only the
 * stakeholder groups it names; a board round only that board's members (boards arrive with action C2.1, so until a
 * participant's board memberships are known, nobody outside the secretariat's on-behalf entry can take part).
 */
export function isInAudience(
  round: { audience: string; invitedGroups: readonly string[]; boardId: string | null },
  participant: { stakeholderGroup: string | null; boardIds?: readonly string[] },
): { ok: true } | { ok: false; reason: 'round.notInvited' } {
  if (round.audience === 'public') return { ok: true };
  if (round.audience === 'invited_groups') {
    return participant.stakeholderGroup && round.invitedGroups.includes(participant.stakeholderGroup)
      ? { ok: true }
      : { ok: false, reason: 'round.notInvited' };
  }
  return round.boardId && participant.boardIds?.includes(round.boardId)
    ? { ok: true }
    : { ok: false, reason: 'round.notInvited' };
}

const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The text in the first of the reader's languages that has a non-blank translation, else English. Preferences are BCP 47
 * tags as browsers send them: `ms-MY` and `zh-Hans-SG` find the `ms` and `zh` texts.
 */
export function localized(
  text: { en: string } & Partial<Record<string, string>>,
  preferred: readonly string[],
): {
  text: string;
  language: string;
} {
  for (const tag of preferred) {
    const language = baseLanguage(tag);
    if (!(LANGUAGES as readonly string[]).includes(language)) continue;
    const candidate = text[language];
    if (typeof candidate === 'string' && candidate.trim() !== '') return { text: candidate, language };
  }
  return { text: text.en, language: 'en' };
}

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      // A malformed tag should not make a word count throw; the root locale still segments every script ICU knows.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Words as the locale's segmenter sees them: Thai, Lao, Khmer and Burmese are written without spaces between words. */
export function wordCount(text: string, locale: string): number {
  let count = 0;
  for (const segment of wordSegmenter(locale).segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
