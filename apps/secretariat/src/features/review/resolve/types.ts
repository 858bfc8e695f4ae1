import type { EditRow } from '../EditsPage';

export type Comment = EditRow['comments'][number];
