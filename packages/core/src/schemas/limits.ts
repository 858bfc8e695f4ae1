/**
 * Limits the apps show in text (the password rule) without loading zod: this module has no imports, so the apps'
 * start-up bundle can use it while the schemas load with the forms that need them.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
