export * from './vocabulary';
export * from './targets';
export * from './rules';
export * from './schemas';
