export * from './token';
export * from './session';
export * from './password';
export * from './email-token';
export * from './throttle';
export * from './csrf';
