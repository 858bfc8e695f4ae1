export * from './schema';
export * from './client';
export * from './audit';
export * from './pglite-dialect';
