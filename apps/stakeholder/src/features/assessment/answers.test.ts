import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  cleanAnswers,
  decodeAnswers,
  encodeAnswers,
  evidenceDrafts,
  evidencePayload,
  parseLinks,
  pillarCriterionIds,
  unansweredIds,
  type Answers,
} from './answers';

describe('compact answers', () => {
  it('encodes in Annex order and drops trailing unanswered criteria', () => {
    expect(encodeAnswers({})).toBe('');
    expect(encodeAnswers({ Q1: 'yes', Q3: 'partial', Q4: 'no' })).toBe('y-pn');
    expect(encodeAnswers({ Q40: 'no' })).toBe(`${'-'.repeat(39)}n`);
  });

  it('round-trips', () => {
    const answers: Answers = { Q1: 'yes', Q2: 'partial', Q10: 'no', Q11: 'yes', Q39: 'partial' };
    expect(decodeAnswers(encodeAnswers(answers))).toEqual(answers);
  });

  it('rejects malformed codes instead of guessing', () => {
    expect(decodeAnswers(null)).toBeNull();
    expect(decodeAnswers('')).toBeNull();
    expect(decodeAnswers('yx')).toBeNull();
    expect(decodeAnswers('y'.repeat(41))).toBeNull();
    expect(decodeAnswers('YP')).toEqual({ Q1: 'yes', Q2: 'partial' });
  });

  it('cleans what came from storage', () => {
    expect(cleanAnswers({ Q1: 'yes', Q2: 'maybe', Q99: 'no', x: 1 })).toEqual({ Q1: 'yes' });
    expect(cleanAnswers('nonsense')).toEqual({});
  });

  it('counts per pillar', () => {
    expect(pillarCriterionIds(2)).toEqual([
      'Q11',
      'Q12',
      'Q13',
      'Q14',
      'Q15',
      'Q16',
      'Q17',
      'Q18',
      'Q19',
      'Q20',
    ]);
    const answers: Answers = { Q11: 'yes', Q12: 'no', Q1: 'yes' };
    expect(answeredCount(answers, pillarCriterionIds(2))).toBe(2);
    expect(unansweredIds(answers)).toHaveLength(37);
  });
});

describe('evidence', () => {
  it('keeps only absolute http(s) links, one per line', () => {
    expect(parseLinks(' https://a.example/x \n\nftp://b.example\nwww.c.example\nhttp://d.example')).toEqual({
      valid: ['https://a.example/x', 'http://d.example'],
      invalid: ['ftp://b.example', 'www.c.example'],
      tooMany: false,
    });
    const many = Array.from({ length: 12 }, (_, i) => `https://e.example/${i}`).join('\n');
    expect(parseLinks(many).valid).toHaveLength(10);
    expect(parseLinks(many).tooMany).toBe(true);
  });

  it('sends only criteria with something to say', () => {
    expect(
      evidencePayload({
        Q1: { note: '  Law No. 1 of 2025 ', links: 'https://a.example\nnot a link' },
        Q2: { note: ' ', links: '' },
        Q3: { note: '', links: 'https://b.example' },
      }),
    ).toEqual({
      Q1: { note: 'Law No. 1 of 2025', links: ['https://a.example'] },
      Q3: { note: '', links: ['https://b.example'] },
    });
  });

  it('turns saved evidence back into form text', () => {
    expect(
      evidenceDrafts({
        Q1: { note: 'n', links: ['https://a.example', 'https://b.example'] },
        Q2: { note: '', links: [] },
      }),
    ).toEqual({
      Q1: { note: 'n', links: 'https://a.example\nhttps://b.example' },
    });
  });
});
