import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_CRITERIA, recommend, scoreAssessment, type Catalogue } from '@musyawarah/core';
import { fixtureCatalogue } from '@musyawarah/core/readiness/test-fixtures';
import { CSV_COLUMNS } from './catalogue-export';
import { runCli, type Stdin } from './cli';

const noStdin: Stdin = () => Promise.reject(new Error('stdin must not be read by this command'));

function run(argv: string[], stdin: Stdin = noStdin, catalogue: Catalogue = fixtureCatalogue) {
  return runCli(argv, stdin, { catalogue });
}

describe('catalogue export --format json', () => {
  it('prints exactly { actionAreas } with the contract fields, tier null for cross-cutting, and nothing on stderr', async () => {
    const r = await run(['catalogue', 'export', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['actionAreas']);
    expect(out.actionAreas.map((a: { id: string }) => a.id)).toEqual(
      fixtureCatalogue.actionAreas.map((a) => a.id),
    );
    const c11 = out.actionAreas[0];
    expect(Object.keys(c11)).toEqual(['id', 'kind', 'pillar', 'tier', 'title', 'objectives', 'subActions']);
    expect(c11).toMatchObject({ kind: 'cross-cutting', tier: null });
    expect(Object.keys(c11.subActions[0])).toEqual([
      'id',
      'title',
      'targetAreas',
      'milestones',
      'measures',
      'caseStudies',
      'linkedCriteria',
    ]);
    expect(Object.keys(c11.subActions[0].milestones)).toEqual(['short', 'medium', 'long']);
  });

  it('is the default format', async () => {
    expect((await run(['catalogue', 'export'])).stdout).toBe(
      (await run(['catalogue', 'export', '--format=json'])).stdout,
    );
  });

  it('leaves out anything the in-memory catalogue carries beyond the contract', async () => {
    const [first, ...rest] = fixtureCatalogue.actionAreas;
    const withExtras = {
      actionAreas: [
        { ...first!, sourceLine: 12, subActions: first!.subActions.map((s) => ({ ...s, note: 'x' })) },
        ...rest,
      ],
    } as Catalogue;
    const out = JSON.parse((await run(['catalogue', 'export'], noStdin, withExtras)).stdout);
    expect(out.actionAreas[0].sourceLine).toBeUndefined();
    expect(out.actionAreas[0].subActions[0].note).toBeUndefined();
  });
});

describe('catalogue export --format csv', () => {
  const tricky: Catalogue = {
    actionAreas: [
      {
        id: 'C9.1',
        kind: 'cross-cutting',
        pillar: 9,
        tier: null,
        title: 'Commas, "quotes"\nand lines',
        objectives: [],
        subActions: [
          {
            id: 'C9.1.1',
            title: 'Sub',
            targetAreas: [],
            milestones: {
              short: ['First, short'],
              medium: ['=HYPERLINK("x")'],
              long: ['Long one', 'Long two'],
            },
            measures: [],
            caseStudies: [],
            linkedCriteria: [],
          },
        ],
      },
    ],
  };

  it('prints one row per milestone, with the documented columns, and survives a CSV round trip', async () => {
    const r = await run(['catalogue', 'export', '--format', 'csv'], noStdin, tricky);
    expect(r.exitCode).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((row) => [row.term, row.milestone])).toEqual([
      ['short', 'First, short'],
      ['medium', `'=HYPERLINK("x")`],
      ['long', 'Long one'],
      ['long', 'Long two'],
    ]);
    expect(parsed.data[0]).toMatchObject({
      action_area_id: 'C9.1',
      kind: 'cross-cutting',
      pillar: '9',
      tier: '',
      action_area_title: 'Commas, "quotes"\nand lines',
      sub_action_id: 'C9.1.1',
    });
  });

  it('has as many rows as the catalogue has milestones', async () => {
    const r = await run(['catalogue', 'export', '--format', 'csv']);
    const rows = Papa.parse(r.stdout.trim(), { header: true }).data;
    const milestones = fixtureCatalogue.actionAreas
      .flatMap((a) => a.subActions)
      .reduce(
        (n, s) => n + s.milestones.short.length + s.milestones.medium.length + s.milestones.long.length,
        0,
      );
    expect(rows).toHaveLength(milestones);
  });
});

describe('assess', () => {
  const answers = Object.fromEntries(
    ASSESSMENT_CRITERIA.filter((c) => c.pillar === 2).map((c) => [c.id, 'partial']),
  );

  it('prints pillar scores and recommendations as JSON, the same as the core functions give', async () => {
    const input = JSON.stringify({ answers: { ...answers, Q1: 'no', Q7: 'partial' } });
    const r = await run(['assess', '--format', 'json'], input);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['pillars', 'recommendations']);
    const parsed = { ...answers, Q1: 'no', Q7: 'partial' } as const;
    const scored = scoreAssessment(parsed);
    const { targeted, byCriterion, crossCutting } = recommend(scored, parsed, fixtureCatalogue);
    expect(out).toEqual({
      pillars: scored.pillars,
      recommendations: { targeted, byCriterion, crossCutting },
    });
    expect(out.pillars[1]).toEqual({ pillar: 2, score: 15, max: 30, answered: 10, tier: 'promising' });
    expect(out.pillars[0].tier).toBeNull();
  });

  it('reads stdin lazily, through the function it is given', async () => {
    const r = await run(['assess'], () => Promise.resolve('{"answers":{}}'));
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).pillars).toHaveLength(4);
  });

  it.each([
    ['an unknown criterion', '{"answers":{"Q41":"yes"}}', /unknown criterion "Q41"/],
    ['an unknown answer', '{"answers":{"Q2":"maybe"}}', /answers\.Q2: unknown answer "maybe"/],
    ['malformed JSON', '{"answers":', /not valid JSON/],
    ['no input', '  \n', /no input on stdin/],
    ['answers missing', '{"Q1":"yes"}', /answers: answers must be an object/],
  ])('rejects %s with exit code 2, a message on stderr and nothing on stdout', async (_, input, message) => {
    const r = await run(['assess'], input);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('usage', () => {
  it.each([
    [['catalogue', 'import'], /unknown command "catalogue import"/],
    [[], /no command given/],
    [['assess', '--verbose'], /Unknown option '--verbose'/],
    [['catalogue', 'export', '--format', 'xml'], /unknown --format "xml"; expected json or csv/],
    [['assess', '--format', 'csv'], /assess: unknown --format "csv"; expected json/],
    [['catalogue', 'export', '--format'], /--format/],
  ])('%j exits 2 with the reason and the usage on stderr', async (argv, message) => {
    const r = await run(argv, '{"answers":{}}');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage:/);
  });

  it('prints help on stderr, keeping stdout for command output, and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['assess', '--help']]) {
      const r = await run(argv);
      expect(r).toMatchObject({ stdout: '', exitCode: 0 });
      expect(r.stderr).toMatch(/catalogue export --format json\|csv/);
    }
  });
});
