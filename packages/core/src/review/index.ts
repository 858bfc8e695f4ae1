export * from './vocabulary';
export * from './rules';
export * from './schemas';
export * from './localized';
export * from './preview';
export * from './adoption';
