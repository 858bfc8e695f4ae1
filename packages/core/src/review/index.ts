export * from './vocabulary';
export * from './rules';
export * from './schemas';
export * from './preview';
export * from './adoption';
