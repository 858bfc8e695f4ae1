export * from './schemas/messages';
export * from './domain';
export * from './catalogue/types';
export * from './schemas/fields';
export * from './schemas/password';
export * from './schemas/account';
export * from './readiness';
export * from './catalogue';
