import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Catalogue, EditionStatus } from '@musyawarah/core/editions';

/** Tables of the editions domain; merged into `Database` in schema.ts. */
export interface EditionTables {
  roadmap_edition: RoadmapEditionTable;
}

export interface RoadmapEditionTable {
  id: Generated<string>;
  /** 1, 2, 3… in order of adoption; unique. */
  number: number;
  title: string;
  /** Written once as JSON text; a trigger refuses any later change. */
  catalogue: ColumnType<Catalogue, string, never>;
  /** Exactly one row is 'current' (partial unique index). */
  status: EditionStatus;
  /** Null only for edition 1, the Roadmap as published before the platform. */
  adopted_at: ColumnType<Date | null, Date | string | null | undefined, never>;
  notes: string | null;
  /** The review cycle that produced it; a plain uuid, no foreign key (the review tables come later). */
  review_cycle_id: string | null;
  adopted_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type RoadmapEdition = Selectable<RoadmapEditionTable>;
