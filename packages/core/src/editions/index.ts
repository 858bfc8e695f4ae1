/** Roadmap editions (C3.3): stored versions of the whole catalogue, proposed edits to one, and the differences between two. */
export * from './types';
export * from './edits';
export * from './diff';
export type { ActionArea, Catalogue, NamedText, SubAction, Term } from '../catalogue/types';
