import type { Migration, MigrationProvider } from 'kysely';
import * as m20261123_0001 from './2026_11_23_0001_foundation';
import * as m20261123_0002 from './2026_11_23_0002_readiness_assessment';
import * as m20261123_0003 from './2026_11_23_0003_consultation';
import * as m20261123_0004 from './2026_11_23_0004_boards';
import * as m20261123_0005 from './2026_11_23_0005_editions';
import * as m20261123_0006 from './2026_11_23_0006_review';
import * as m20261123_0007 from './2026_11_23_0007_round_tally';
import * as m20261204_0001 from './2026_12_04_0001_review_trust';
import * as m20261204_0002 from './2026_12_04_0002_boards_trust';
import * as m20261204_0003 from './2026_12_04_0003_consultation_trust';
import * as m20261204_0004 from './2026_12_04_0004_auth_trust';
import * as m20261204_0005 from './2026_12_04_0005_round_visit_dedup';
import * as m20261205_0001 from './2026_12_05_0001_translation_review';
import * as m20261205_0002 from './2026_12_05_0002_review_localized_text';
import * as m20261206_0200 from './2026_12_06_0200_edition_notify';
import * as m20261206_0500 from './2026_12_06_0500_notifications';
import * as m20261206_0300 from './2026_12_06_0300_report_dismissal';
import * as m20261206_0100 from './2026_12_06_0100_jobs';
import * as m20261206_0400 from './2026_12_06_0400_theme_analysis';
import * as m20261207_0300 from './2026_12_07_0300_participant_write_idempotency';
import * as m20261208_0100 from './2026_12_08_0100_published_reports';
import * as m20261209_0100 from './2026_12_09_0100_rate_limit_refusal';

/**
 * Migrations are listed statically (not read from disk) so they bundle and run the same under tsx, vitest and a build.
 * Names are timestamped and sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': m20261123_0001,
  '2026_11_23_0002_readiness_assessment': m20261123_0002,
  '2026_11_23_0003_consultation': m20261123_0003,
  '2026_11_23_0004_boards': m20261123_0004,
  '2026_11_23_0005_editions': m20261123_0005,
  '2026_11_23_0006_review': m20261123_0006,
  '2026_11_23_0007_round_tally': m20261123_0007,
  '2026_12_04_0001_review_trust': m20261204_0001,
  '2026_12_04_0002_boards_trust': m20261204_0002,
  '2026_12_04_0003_consultation_trust': m20261204_0003,
  '2026_12_04_0004_auth_trust': m20261204_0004,
  '2026_12_04_0005_round_visit_dedup': m20261204_0005,
  '2026_12_05_0001_translation_review': m20261205_0001,
  '2026_12_05_0002_review_localized_text': m20261205_0002,
  '2026_12_06_0200_edition_notify': m20261206_0200,
  '2026_12_06_0500_notifications': m20261206_0500,
  '2026_12_06_0300_report_dismissal': m20261206_0300,
  '2026_12_06_0100_jobs': m20261206_0100,
  '2026_12_06_0400_theme_analysis': m20261206_0400,
  '2026_12_07_0300_participant_write_idempotency': m20261207_0300,
  '2026_12_08_0100_published_reports': m20261208_0100,
  '2026_12_09_0100_rate_limit_refusal': m20261209_0100,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
