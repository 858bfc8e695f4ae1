import { parseArgs } from 'node:util';
import {
  answerSchema,
  recommend,
  scoreAssessment,
  type Catalogue,
  type PillarScore,
  type Recommendations,
} from '@musyawarah/core';
import type { Db } from '@musyawarah/db';
import { catalogueCsv, catalogueJson } from './catalogue-export';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CliDeps {
  catalogue: Catalogue;
  /** Opens the platform's database (translations:export). */
  openDatabase?: () => Promise<{ db: Db; close(): Promise<void> }>;
  /** Where the locale files are (translations:export); default TRANSLATIONS_ROOT or the repository root. */
  translationsRoot?: () => string;
}

/** stdin is read lazily: only `assess` needs it, and reading it otherwise would block an interactive terminal. */
export type Stdin = string | (() => Promise<string>);

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad usage or bad input: the caller can fix it. */
export const EXIT_USAGE = 2;

export const USAGE = `Usage: pnpm --silent cli <command> [options]

Commands:
  catalogue export --format json|csv   Print the Roadmap's action catalogue.
                                       json: { "actionAreas": [...] }; csv: one row per milestone.
  assess [--format json] < answers.json
                                       Score a readiness self-assessment and print pillar scores, tiers and
                                       recommended actions. Input: { "answers": { "Q1": "yes" | "partial" | "no", ... } }
                                       (criteria Q1-Q40; unanswered criteria make their pillar provisional, tier null).
  translations:export                  Write every translation approved in the Secretariat app into the locale files
                                       and mark it reviewed in packages/ui/src/translation-review (then summary.json).
                                       Reads DATABASE_URL / PGLITE_DATA_DIR like the API (stop a platform running on
                                       the embedded database first) and TRANSLATIONS_ROOT (default: this repository).
                                       Prints { exported, skipped, files }.

Options:
  --format <json|csv>   Output format (default json; csv only for catalogue export).
  -h, --help            Show this help (on stderr; stdout carries only command output).

Exit codes: 0 success, 2 bad usage or bad input, 1 unexpected error.
`;

/** A mistake the caller can fix: exit code 2. Usage mistakes get the usage text; bad input only its explanation. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

const ok = (stdout: string): CliResult => ({ stdout, stderr: '', exitCode: EXIT_OK });
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export interface AssessOutput {
  pillars: PillarScore[];
  recommendations: Pick<Recommendations, 'targeted' | 'byCriterion' | 'crossCutting'>;
}

/** Parses and validates the self-assessment, or throws a UsageError whose message says what is wrong. */
function parseAnswers(input: string) {
  if (input.trim() === '') {
    throw new UsageError(
      'assess: no input on stdin; expected { "answers": { "Q1": "yes" | "partial" | "no", ... } }',
      false,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (error) {
    throw new UsageError(`assess: input is not valid JSON (${(error as Error).message})`, false);
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`,
    );
    throw new UsageError(`assess: invalid answers\n${lines.join('\n')}`, false);
  }
  return parsed.data;
}

export function assess(input: string, catalogue: Catalogue): AssessOutput {
  const { answers } = parseAnswers(input);
  const scored = scoreAssessment(answers);
  const { targeted, byCriterion, crossCutting } = recommend(scored, answers, catalogue);
  return { pillars: scored.pillars, recommendations: { targeted, byCriterion, crossCutting } };
}

function format(
  values: { format?: string | undefined },
  allowed: readonly string[],
  command: string,
): string {
  const f = values.format ?? 'json';
  if (!allowed.includes(f)) {
    throw new UsageError(`${command}: unknown --format "${f}"; expected ${allowed.join(' or ')}`);
  }
  return f;
}

async function translationsExport(deps: CliDeps) {
  if (!deps.openDatabase) throw new Error('translations:export needs a database');
  const [{ exportTranslations, hasLocaleFiles }, { listAllTranslationReviews }, { translationsRoot }] =
    await Promise.all([
      import('./translations-export'),
      import('@musyawarah/db'),
      import('@musyawarah/api/translations-catalogue'),
    ]);
  const root = (deps.translationsRoot ?? translationsRoot)();
  if (!hasLocaleFiles(root))
    throw new UsageError(
      `translations:export: no English locale files under ${root} (check TRANSLATIONS_ROOT)`,
      false,
    );
  const handle = await deps.openDatabase();
  let reviews;
  try {
    reviews = await listAllTranslationReviews(handle.db);
  } catch (error) {
    // 42P01: the table does not exist yet.
    if ((error as { code?: unknown }).code === '42P01') {
      throw new UsageError(
        'translations:export: the database has no translation reviews table; run pnpm db:migrate first',
        false,
      );
    }
    throw error;
  } finally {
    await handle.close();
  }
  return exportTranslations(root, reviews);
}

export async function runCli(argv: readonly string[], stdin: Stdin, deps: CliDeps): Promise<CliResult> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) return { stdout: '', stderr: USAGE, exitCode: EXIT_OK };
    const command = positionals.join(' ');

    if (command === 'catalogue export') {
      const f = format(values, ['json', 'csv'], command);
      return ok(f === 'json' ? json(catalogueJson(deps.catalogue)) : `${catalogueCsv(deps.catalogue)}\r\n`);
    }
    if (command === 'assess') {
      format(values, ['json'], command);
      const input = typeof stdin === 'string' ? stdin : await stdin();
      return ok(json(assess(input, deps.catalogue)));
    }
    if (command === 'translations:export' || command === 'translations export') {
      format(values, ['json'], command);
      return ok(json(await translationsExport(deps)));
    }
    throw new UsageError(command === '' ? 'no command given' : `unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      const stderr = error.showUsage ? `${error.message}\n\n${USAGE}` : `${error.message}\n`;
      return { stdout: '', stderr, exitCode: EXIT_USAGE };
    }
    return {
      stdout: '',
      stderr: `unexpected error: ${(error as Error).stack ?? String(error)}\n`,
      exitCode: EXIT_FAILURE,
    };
  }
}
