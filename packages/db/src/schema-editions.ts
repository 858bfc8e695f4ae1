/** Tables of the editions domain; merged into `Database` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditionTables {}
