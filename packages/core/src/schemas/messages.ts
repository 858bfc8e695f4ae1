import { z } from 'zod';

/**
 * Every zod issue becomes a translation key, so both the API's field errors and the apps' client-side checks can be
 * shown in the reader's language. Schemas that say something more specific pass their own key, which wins over this.
 * It is a global zod setting, so importing core does not install it: each program (the host, both apps, the CLI, each
 * test suite's setup file) calls `installValidationMessages()` once at start, before any parsing.
 */
export const VALIDATION_KEYS = [
  'validation.required',
  'validation.invalidType',
  'validation.tooLong',
  'validation.tooShort',
  'validation.tooLarge',
  'validation.tooSmall',
  'validation.email',
  'validation.invalid',
  'validation.invalidOption',
  'validation.unknownField',
] as const;

let installed = false;

/** Makes every zod issue without a message of its own read as one of `VALIDATION_KEYS`. Safe to call twice. */
export function installValidationMessages(): void {
  if (installed) return;
  installed = true;
  z.config({
    customError(issue) {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined || issue.input === null
            ? 'validation.required'
            : 'validation.invalidType';
        case 'too_big':
          return issue.origin === 'string' || issue.origin === 'array'
            ? 'validation.tooLong'
            : 'validation.tooLarge';
        case 'too_small':
          if (issue.origin === 'string' && issue.minimum === 1) return 'validation.required';
          return issue.origin === 'string' || issue.origin === 'array'
            ? 'validation.tooShort'
            : 'validation.tooSmall';
        case 'invalid_format':
          return issue.format === 'email' ? 'validation.email' : 'validation.invalid';
        case 'invalid_value':
          return 'validation.invalidOption';
        case 'unrecognized_keys':
          return 'validation.unknownField';
        default:
          return 'validation.invalid';
      }
    },
  });
}
