export * from './criteria';
export * from './answers';
export * from './scoring';
export * from './recommend';
export * from './compare';
