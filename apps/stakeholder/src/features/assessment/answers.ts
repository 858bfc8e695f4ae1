/**
 * Answers of the readiness self-assessment as the page holds them, plus a compact text form for links: one letter per
 * criterion in Annex order (y = yes, p = the middle option, n = no, - = unanswered), so
 * `/assessment/result?answers=yyp-n…` is a shareable, bookmarkable result that is not stored anywhere.
 */
export const ANSWERS = ['yes', 'partial', 'no'] as const;
export type Answer = (typeof ANSWERS)[number];
export type Answers = Partial<Record<string, Answer>>;

/** The Annex has 40 criteria, Q1–Q40, ten per assessment pillar in order. */
export const CRITERION_COUNT = 40;
export const CRITERION_IDS: readonly string[] = Array.from(
  { length: CRITERION_COUNT },
  (_, i) => `Q${i + 1}`,
);
export const CRITERIA_PER_PILLAR = 10;

const LETTER: Record<Answer, string> = { yes: 'y', partial: 'p', no: 'n' };
const FROM_LETTER: Record<string, Answer> = { y: 'yes', p: 'partial', n: 'no' };

/** The option an answer selects, by position: the Annex lists "Yes…", the middle option, then "No". */
export function optionIndex(answer: Answer): number {
  return ANSWERS.indexOf(answer);
}

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

export function encodeAnswers(answers: Answers): string {
  const code = CRITERION_IDS.map((id) => {
    const answer = answers[id];
    return answer ? LETTER[answer] : '-';
  }).join('');
  return code.replace(/-+$/, '');
}

/** Reads the compact form; anything that is not a known letter counts as unanswered. Null for a missing/odd value. */
export function decodeAnswers(code: string | null | undefined): Answers | null {
  if (!code || code.length > CRITERION_COUNT || !/^[ypn-]+$/i.test(code)) return null;
  const answers: Answers = {};
  [...code.toLowerCase()].forEach((letter, i) => {
    const answer = FROM_LETTER[letter];
    if (answer) answers[CRITERION_IDS[i]!] = answer;
  });
  return answers;
}

/** Keeps only known criteria and answers (for anything read from storage or the server). */
export function cleanAnswers(raw: unknown): Answers {
  const answers: Answers = {};
  if (!raw || typeof raw !== 'object') return answers;
  for (const id of CRITERION_IDS) {
    const value = (raw as Record<string, unknown>)[id];
    if (isAnswer(value)) answers[id] = value;
  }
  return answers;
}

export function answeredCount(answers: Answers, ids: readonly string[] = CRITERION_IDS): number {
  return ids.filter((id) => answers[id] !== undefined).length;
}

export function unansweredIds(answers: Answers, ids: readonly string[] = CRITERION_IDS): string[] {
  return ids.filter((id) => answers[id] === undefined);
}

/** Criterion ids of an assessment pillar (1–4). */
export function pillarCriterionIds(pillar: number): string[] {
  return CRITERION_IDS.slice((pillar - 1) * CRITERIA_PER_PILLAR, pillar * CRITERIA_PER_PILLAR);
}

// ─── evidence ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the form holds for one criterion: a note and links as typed, one per line. */
export interface EvidenceDraft {
  note: string;
  links: string;
}
export type EvidenceDrafts = Partial<Record<string, EvidenceDraft>>;
export interface EvidenceEntry {
  note: string;
  links: string[];
}

export const NOTE_MAX_LENGTH = 4000;
export const LINKS_MAX = 10;

/** A link the API accepts: an absolute http(s) URL. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Splits the links box into the addresses that can be saved and the lines that cannot. */
export function parseLinks(text: string): { valid: string[]; invalid: string[]; tooMany: boolean } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const valid = lines.filter(isWebAddress);
  const invalid = lines.filter((l) => !isWebAddress(l));
  return { valid: valid.slice(0, LINKS_MAX), invalid, tooMany: valid.length > LINKS_MAX };
}

/** The API's evidence object: only criteria with a note or at least one valid link. */
export function evidencePayload(drafts: EvidenceDrafts): Record<string, EvidenceEntry> {
  const out: Record<string, EvidenceEntry> = {};
  for (const id of CRITERION_IDS) {
    const draft = drafts[id];
    if (!draft) continue;
    const note = draft.note.trim().slice(0, NOTE_MAX_LENGTH);
    const links = parseLinks(draft.links).valid;
    if (note || links.length) out[id] = { note, links };
  }
  return out;
}

/** The form's view of saved evidence. */
export function evidenceDrafts(raw: unknown): EvidenceDrafts {
  const out: EvidenceDrafts = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const id of CRITERION_IDS) {
    const entry = (raw as Record<string, unknown>)[id] as { note?: unknown; links?: unknown } | undefined;
    if (!entry || typeof entry !== 'object') continue;
    const note = typeof entry.note === 'string' ? entry.note : '';
    const links = Array.isArray(entry.links)
      ? entry.links.filter((l): l is string => typeof l === 'string')
      : [];
    if (note || links.length) out[id] = { note, links: links.join('\n') };
  }
  return out;
}
