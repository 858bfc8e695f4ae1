import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../consultation/test-helpers';
import { filledLanguages, readReviewText } from './localized';
import {
  closeCycleInput,
  cycleInput,
  frameworkDocumentSchema,
  positionInput,
  readFrameworkDocument,
  resolutionInput,
} from './schemas';
import { CYCLE_PHASES } from './vocabulary';

const timeline = CYCLE_PHASES.map((phase) => ({ phase, durationDays: 30 }));
const phases = CYCLE_PHASES.map((phase, i) => ({
  phase,
  plannedStart: `2027-0${i + 1}-01`,
  plannedEnd: `2027-0${i + 1}-28`,
}));
const editId = '3f1d3c1e-6a0b-4a53-9b55-2f3c5d8f9a10';

describe('frameworkDocumentSchema', () => {
  const doc = {
    title: 'Regional Review Framework',
    criteria: [{ key: 'relevance', name: 'Relevance', description: 'Still addresses…' }],
    timeline,
  };
  it('accepts criteria, metrics and a timeline in phase order', () => {
    expect(frameworkDocumentSchema.parse(doc).metrics).toEqual([]);
  });
  it('needs at least one criterion, unique keys and the phases in their order', () => {
    expect(fieldErrors(frameworkDocumentSchema.safeParse({ ...doc, criteria: [] }))).toEqual({
      criteria: ['validation.required'],
    });
    expect(
      fieldErrors(
        frameworkDocumentSchema.safeParse({ ...doc, criteria: [doc.criteria[0], doc.criteria[0]] }),
      ),
    ).toEqual({
      'criteria.1.key': ['validation.duplicateKey'],
    });
    expect(
      fieldErrors(frameworkDocumentSchema.safeParse({ ...doc, timeline: [...timeline].reverse() })),
    ).toEqual({ timeline: ['validation.phasesOutOfOrder'] });
    expect(fieldErrors(frameworkDocumentSchema.safeParse({ ...doc, timeline: timeline.slice(1) }))).toEqual({
      timeline: ['validation.phasesOutOfOrder'],
    });
  });
  it('takes criteria and metrics per language (English required) and reads a plain string as English', () => {
    const parsed = frameworkDocumentSchema.parse({
      ...doc,
      criteria: [
        {
          key: 'relevance',
          name: { en: ' Relevance ', km: 'ភាពពាក់ព័ន្ធ', th: '  ' },
          description: 'Still addresses…',
        },
      ],
      metrics: [
        {
          key: 'engagement',
          name: { en: 'Engagement' },
          description: { en: 'Who took part.', vi: 'Ai đã tham gia.' },
        },
      ],
    });
    expect(parsed.criteria[0]).toEqual({
      key: 'relevance',
      name: { en: 'Relevance', km: 'ភាពពាក់ព័ន្ធ' },
      description: { en: 'Still addresses…' },
    });
    expect(parsed.metrics[0]!.description).toEqual({ en: 'Who took part.', vi: 'Ai đã tham gia.' });
    expect(
      fieldErrors(
        frameworkDocumentSchema.safeParse({
          ...doc,
          criteria: [{ key: 'relevance', name: { km: 'ភាពពាក់ព័ន្ធ' }, description: { en: '' } }],
        }),
      ),
    ).toEqual({
      'criteria.0.name.en': ['validation.englishRequired'],
      'criteria.0.description.en': ['validation.englishRequired'],
    });
    expect(
      fieldErrors(
        frameworkDocumentSchema.safeParse({
          ...doc,
          criteria: [{ key: 'relevance', name: { en: 'x'.repeat(201) }, description: 'Why' }],
        }),
      ),
    ).toEqual({
      'criteria.0.name.en': ['validation.tooLong'],
    });
    expect(
      Object.keys(
        fieldErrors(
          frameworkDocumentSchema.safeParse({
            ...doc,
            criteria: [{ key: 'relevance', name: { en: 'R', xx: 'R' }, description: 'Why' }],
          }),
        ),
      ),
    ).toEqual(['criteria.0.name']);
  });
  it('reads a version saved with plain strings as English, without refusing it', () => {
    const stored = {
      ...doc,
      metrics: [{ key: 'engagement', name: 'Engagement', description: 'Who took part.' }],
    };
    const read = readFrameworkDocument(stored);
    expect(read.criteria).toEqual([
      { key: 'relevance', name: { en: 'Relevance' }, description: { en: 'Still addresses…' } },
    ]);
    expect(read.metrics).toEqual([
      { key: 'engagement', name: { en: 'Engagement' }, description: { en: 'Who took part.' } },
    ]);
    expect(read.timeline).toEqual(timeline);
    expect(readFrameworkDocument({ ...doc, metrics: undefined }).metrics).toEqual([]);
  });
});

describe('review texts', () => {
  it('read stored texts in either form and name the languages filled in, English first', () => {
    expect(readReviewText('Plain')).toEqual({ en: 'Plain' });
    expect(readReviewText({ km: 'ខ្មែរ', en: 'English', th: ' ' })).toEqual({ en: 'English', km: 'ខ្មែរ' });
    expect(readReviewText(null)).toEqual({ en: '' });
    expect(filledLanguages({ km: 'ក', en: 'E' }, { vi: 'V', th: '' }, null)).toEqual(['en', 'km', 'vi']);
  });
});

describe('cycleInput', () => {
  const cycle = {
    title: 'First review',
    frameworkVersion: 1,
    audience: 'all_participants',
    publicationDate: '2027-08-01',
    phases,
  };
  it('accepts six phases in order', () => {
    expect(cycleInput.parse(cycle).baseEditionNumber).toBeUndefined();
  });
  it('takes the title and description per language: English required, blank translations dropped, a plain string is English', () => {
    expect(cycleInput.parse(cycle).title).toEqual({ en: 'First review' });
    expect(cycleInput.parse(cycle).description).toBeUndefined();
    const parsed = cycleInput.parse({
      ...cycle,
      title: { en: ' First review ', km: 'ការពិនិត្យលើកទីមួយ', lo: '' },
      description: { en: 'Why', km: '', th: null },
    });
    expect(parsed.title).toEqual({ en: 'First review', km: 'ការពិនិត្យលើកទីមួយ' });
    expect(parsed.description).toEqual({ en: 'Why' });
    // Nothing filled in: no description. Something filled in without English: refused.
    expect(cycleInput.parse({ ...cycle, description: { en: ' ', km: '' } }).description).toBeUndefined();
    expect(cycleInput.parse({ ...cycle, description: null }).description).toBeUndefined();
    expect(
      fieldErrors(cycleInput.safeParse({ ...cycle, title: { km: 'ការពិនិត្យ' }, description: { km: 'ហេតុអ្វី' } })),
    ).toEqual({
      'title.en': ['validation.englishRequired'],
      'description.en': ['validation.englishRequired'],
    });
    expect(fieldErrors(cycleInput.safeParse({ ...cycle, title: '  ' }))).toEqual({
      'title.en': ['validation.englishRequired'],
    });
    expect(fieldErrors(cycleInput.safeParse({ ...cycle, title: undefined }))).toEqual({
      title: ['validation.required'],
    });
    expect(fieldErrors(cycleInput.safeParse({ ...cycle, title: { en: 'T', km: 'x'.repeat(301) } }))).toEqual({
      'title.km': ['validation.tooLong'],
    });
    expect(fieldErrors(cycleInput.safeParse({ ...cycle, description: { en: 'x'.repeat(20_001) } }))).toEqual({
      'description.en': ['validation.tooLong'],
    });
  });
  it('refuses impossible days, an end before its start (a one-day phase is fine) and phases out of order', () => {
    const bad = structuredClone(phases);
    bad[0]!.plannedEnd = '2026-12-31';
    bad[1]!.plannedEnd = '2027-02-30';
    bad[2]!.plannedStart = '2027-01-15';
    bad[2]!.plannedEnd = '2027-01-15';
    expect(fieldErrors(cycleInput.safeParse({ ...cycle, phases: bad }))).toEqual({
      'phases.0.plannedEnd': ['validation.phaseEndsBeforeStart'],
      'phases.1.plannedEnd': ['validation.date'],
      'phases.2.plannedStart': ['validation.phasesOutOfOrder'],
    });
    const swapped = structuredClone(phases);
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(Object.keys(fieldErrors(cycleInput.safeParse({ ...cycle, phases: swapped })))).toContain(
      'phases.0.phase',
    );
  });
});

describe('positionInput', () => {
  it('lets support and abstention stand alone, but an objection needs reasons and an amendment its text', () => {
    expect(positionInput.safeParse({ editId, memberState: 'TL', kind: 'support' }).success).toBe(true);
    expect(positionInput.safeParse({ editId, memberState: 'TL', kind: 'abstain', text: '' }).success).toBe(
      true,
    );
    expect(
      fieldErrors(positionInput.safeParse({ editId, memberState: 'ID', kind: 'object', text: '  ' })),
    ).toEqual({ text: ['validation.positionTextRequired'] });
    expect(
      fieldErrors(
        positionInput.safeParse({
          editId,
          memberState: 'ID',
          kind: 'support_with_amendment',
          text: 'Yes, but',
        }),
      ),
    ).toEqual({
      counterProposal: ['validation.counterProposalRequired'],
    });
    expect(fieldErrors(positionInput.safeParse({ editId, memberState: 'XX', kind: 'support' }))).toEqual({
      memberState: ['validation.memberState'],
    });
  });
});

describe('resolutionInput', () => {
  it('needs the final text exactly when accepting with changes', () => {
    const base = { editId, expectedVersion: 1, answer: 'Thank you.' };
    expect(fieldErrors(resolutionInput.safeParse({ ...base, kind: 'accepted_with_changes' }))).toEqual({
      finalPayload: ['validation.finalPayloadRequired'],
    });
    expect(
      fieldErrors(
        resolutionInput.safeParse({
          ...base,
          kind: 'rejected',
          finalPayload: { kind: 'retireSubAction', subActionId: 'C3.3.1' },
        }),
      ),
    ).toEqual({ finalPayload: ['validation.finalPayloadNotAllowed'] });
    expect(resolutionInput.safeParse({ ...base, kind: 'accepted', finalPayload: null }).success).toBe(true);
    expect(fieldErrors(resolutionInput.safeParse({ ...base, kind: 'accepted', answer: '' }))).toEqual({
      answer: ['validation.required'],
    });
  });
});

describe('closeCycleInput', () => {
  it('needs a reason unless the base edition was superseded, and names the fields it refuses', () => {
    const base = { cycleId: editId, expectedVersion: 3 };
    expect(closeCycleInput.parse({ ...base, superseded: true })).toMatchObject({ superseded: true });
    expect(closeCycleInput.parse({ ...base, reason: '  Replaced by the 2028 review.  ' })).toMatchObject({
      superseded: false,
      reason: 'Replaced by the 2028 review.',
    });
    expect(fieldErrors(closeCycleInput.safeParse({ ...base, reason: '   ' }))).toEqual({
      reason: ['validation.required'],
    });
    expect(fieldErrors(closeCycleInput.safeParse({ ...base }))).toEqual({ reason: ['validation.required'] });
    expect(fieldErrors(closeCycleInput.safeParse({ ...base, reason: 'x'.repeat(2_001) }))).toEqual({
      reason: ['validation.tooLong'],
    });
    expect(
      Object.keys(
        fieldErrors(closeCycleInput.safeParse({ cycleId: 'nope', expectedVersion: 0, reason: 'Why' })),
      ).sort(),
    ).toEqual(['cycleId', 'expectedVersion']);
  });
});
