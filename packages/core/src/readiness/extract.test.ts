import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReadiness, SOURCE_PATH } from '../../scripts/extract-readiness';
import criteriaJson from './data/criteria.json';
import pillarsJson from './data/assessment-pillars.json';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_CRITERION_IDS,
  ASSESSMENT_PILLARS,
  READINESS_NORMALISATIONS,
  getCriterion,
} from './criteria';
import { optionFor, pointsFor } from './scoring';

const sourceText = readFileSync(resolve(__dirname, '../../../..', SOURCE_PATH), 'utf8');
const sourceLines = sourceText.split(/\r?\n/);

/** The Annex Table 3 row of a criterion, found independently of the extractor. */
function table3Row(id: string): string {
  const start = sourceLines.findIndex((l) => l.startsWith('Annex Table 3.'));
  const row = sourceLines.slice(start).find((l) => l.startsWith(`${id}. `));
  if (!row) throw new Error(`${id} not found in Annex Table 3`);
  return row;
}

describe('readiness data extracted from the Annex', () => {
  it('is what the extractor produces from the vendored source today (the committed JSON is not stale or hand-edited)', () => {
    const { criteria, pillars } = extractReadiness(sourceText);
    expect(criteria).toEqual(criteriaJson);
    expect(pillars).toEqual(pillarsJson);
  });

  it('has all 40 criteria, Q1–Q40 in order, 10 in each of the four pillars', () => {
    expect(ASSESSMENT_CRITERIA.map((c) => c.id)).toEqual([...ASSESSMENT_CRITERION_IDS]);
    expect(ASSESSMENT_CRITERIA).toHaveLength(40);
    for (const pillar of [1, 2, 3, 4]) {
      const ids = ASSESSMENT_CRITERIA.filter((c) => c.pillar === pillar).map((c) => c.number);
      expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => (pillar - 1) * 10 + i + 1));
    }
  });

  it('gives every criterion a question and a description', () => {
    for (const c of ASSESSMENT_CRITERIA) {
      expect(c.question, c.id).toMatch(/\?$/);
      expect(c.description.join(' ').length, c.id).toBeGreaterThan(40);
    }
  });

  it('keeps each scoring option with the label and points its source row prints', () => {
    for (const c of ASSESSMENT_CRITERIA) {
      const row = sourceLines[c.lines.scoring - 1]!;
      expect(row.startsWith(`${c.id}. `), c.id).toBe(true);
      for (const o of c.options) {
        const escaped = o.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(row, `${c.id} ${o.label}`).toMatch(new RegExp(`${escaped}\\s*=\\s*${o.points} points`));
      }
    }
  });

  it('scores Q6 in reverse, as the Annex prints it: Yes = 0, No = 3', () => {
    expect(table3Row('Q6')).toMatch(/\tYes = 0 points .* No = 3 points$/);
    const q6 = getCriterion('Q6');
    expect(pointsFor(q6, 'yes')).toBe(0);
    expect(pointsFor(q6, 'partial')).toBe(1.5);
    expect(pointsFor(q6, 'no')).toBe(3);
  });

  it('scores every other criterion Yes = 3, middle option = 1.5, No = 0', () => {
    for (const c of ASSESSMENT_CRITERIA.filter((c) => c.id !== 'Q6')) {
      expect([pointsFor(c, 'yes'), pointsFor(c, 'partial'), pointsFor(c, 'no')], c.id).toEqual([3, 1.5, 0]);
    }
  });

  it.each(['Q25', 'Q31'] as const)(
    'keeps the middle option %s has of its own, worded as in the source',
    (id) => {
      const printed = /\tYes = 3 points (.+?) = 1\.5 points No = 0 points$/.exec(table3Row(id))?.[1];
      expect(printed).toBeDefined();
      expect(optionFor(getCriterion(id), 'partial').label).toBe(printed);
      expect(printed).not.toMatch(/Inconclusive|Announced/);
    },
  );

  it('keeps the pillar descriptions as written, including those of pillars 3 and 4 that read as swapped', () => {
    for (const p of ASSESSMENT_PILLARS) {
      const listLine = sourceLines[p.lines.description - 1]!;
      expect(listLine.startsWith(`- **Assessment Pillar ${p.number} \u2013 ${p.name}:** `)).toBe(true);
      expect(listLine.endsWith(p.description)).toBe(true);
      expect(sourceLines[p.lines.rationale - 2]).toBe(
        `ASSESSMENT PILLAR ${p.number} \u2013 ${p.name.toUpperCase()}`,
      );
      expect(sourceLines[p.lines.rationale - 1]!.trim()).toBe(p.rationale);
    }
    // The words as written: pillar 3 ("Risks and Operations Management") is described by skills and innovation, and
    // pillar 4 ("Stakeholder Interaction and Communication") by risk and bias management.
    expect(ASSESSMENT_PILLARS[2]!.name).toBe('Risks and Operations Management');
    expect(ASSESSMENT_PILLARS[2]!.description).toMatch(/skills/);
    expect(ASSESSMENT_PILLARS[3]!.rationale).toMatch(/risk and bias management/);
  });

  it("has Annex Table 4 tier descriptions for every pillar, from that pillar's column", () => {
    for (const p of ASSESSMENT_PILLARS) {
      for (const tier of ['advanced', 'promising', 'emerging'] as const) {
        const t = p.tiers[tier];
        const cells = sourceLines[t.line - 1]!.split('\t');
        expect(cells[0]!.startsWith(tier.toUpperCase())).toBe(true);
        expect(cells[p.number]!.trim()).toBe(t.description);
      }
    }
  });

  it('records each normalisation against a source line that is about that criterion', () => {
    expect(READINESS_NORMALISATIONS.length).toBeGreaterThan(0);
    for (const n of READINESS_NORMALISATIONS.filter((n) => n.criterion)) {
      const line = sourceLines[n.line - 1]!;
      const onRow = line.replace(/^<p>/, '').startsWith(`${n.criterion}. `);
      const continuation = n.kind === 'row-continued-after-page-break' && line.startsWith('<p>');
      expect(onRow || continuation, `${n.criterion} at line ${n.line}`).toBe(true);
    }
  });

  it('borrows a description only from an earlier criterion of the same pillar, and says so', () => {
    const borrowed = ASSESSMENT_CRITERIA.filter((c) => c.descriptionFrom !== null);
    expect(borrowed.length).toBeGreaterThan(0);
    for (const c of borrowed) {
      const from = getCriterion(c.descriptionFrom!);
      expect(from.number).toBeLessThan(c.number);
      expect(from.pillar).toBe(c.pillar);
      expect(c.description).toEqual(from.description);
      // The source row really has an empty description cell.
      expect(sourceLines[c.lines.description - 1]!.split('\t')[1]?.trim()).toBe('');
      expect(
        READINESS_NORMALISATIONS.some((n) => n.criterion === c.id && n.kind === 'description-cell-empty'),
      ).toBe(true);
    }
  });
});
