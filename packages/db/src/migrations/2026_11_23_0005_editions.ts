import type { Kysely } from 'kysely';

// Placeholder filled in by the domain's first commit; frozen once released.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
