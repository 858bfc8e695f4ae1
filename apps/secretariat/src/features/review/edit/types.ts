import type { Catalogue } from '@musyawarah/core/catalogue/types';
import type { EditRow } from '../EditsPage';

export type Edit = EditRow['edit'];

/** The catalogue while the base edition loads: no areas to pick yet. */
export const EMPTY: Catalogue = { actionAreas: [] };
