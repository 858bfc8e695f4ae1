import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMBER_STATE_CODES, ROLES, STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { describe, expect, it } from 'vitest';
import { sharedResources } from './full';
import { collectKeys, collectSchemaKeys, listSourceFiles, missingKeys } from '../testing/i18n-coverage';

const here = dirname(fileURLToPath(import.meta.url));
const uiSrc = join(here, '..');
const coreSchemas = join(here, '../../../core/src/schemas');
const apiSrc = join(here, '../../../api/src');
const resources = sharedResources.en;
const namespaces = Object.keys(resources);

describe('shared translations (en)', () => {
  it('has every key the UI kit uses', () => {
    const uses = collectKeys([uiSrc], namespaces, uiSrc);
    expect(uses.length).toBeGreaterThan(20);
    expect(missingKeys(uses, resources)).toEqual([]);
  });

  it('translates every validation key the shared zod schemas emit', () => {
    const uses = collectSchemaKeys(listSourceFiles(coreSchemas), coreSchemas);
    expect(uses.map((u) => u.key)).toContain('validation.passwordTooShort');
    expect(missingKeys(uses, resources)).toEqual([]);
  });

  it('names every role, stakeholder group and Member State', () => {
    const keys = [
      ...ROLES.map((r) => `common.roles.${r}`),
      ...STAKEHOLDER_GROUPS.flatMap((g) => [
        `common.stakeholderGroups.${g}`,
        `common.stakeholderGroupHints.${g}`,
      ]),
      ...MEMBER_STATE_CODES.map((c) => `common.memberStates.${c}`),
    ];
    expect(
      missingKeys(
        keys.map((key) => ({ key, file: '@musyawarah/core' })),
        resources,
      ),
    ).toEqual([]);
  });

  it('translates the error keys the API sends', () => {
    const keys = [
      'auth.invalidCredentials',
      'auth.emailNotConfirmed',
      'auth.notSecretariat',
      'auth.throttled',
      'auth.throttledMinutes',
      'auth.linkExpired',
      'auth.linkUsed',
      'auth.linkInvalid',
      'errors.forbidden',
      'errors.unauthorized',
      'errors.internal',
      'errors.unavailable',
      'errors.network',
    ];
    expect(
      missingKeys(
        keys.map((key) => ({ key, file: 'API contract' })),
        resources,
      ),
    ).toEqual([]);
  });

  it('translates the errors.* and validation.* keys found in the API source', () => {
    if (!existsSync(apiSrc)) return;
    const uses = listSourceFiles(apiSrc).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(/(['"])((?:errors|validation)\.[A-Za-z0-9_]+)\1/g),
        // Any namespace: a key thrown as an error message reaches the apps. (auth.* is also a router name, auth.me,
        // which is why only keys in message position count.)
        ...readFileSync(file, 'utf8').matchAll(
          /(?:message: |notFound\(|forbidden\()(['"])([a-z]+\.[A-Za-z0-9_]+)\1/g,
        ),
      ].map((m) => ({ key: m[2]!, file: relative(apiSrc, file) })),
    );
    expect(missingKeys(uses, resources)).toEqual([]);
  });

  it('translates the reasons core gives for refusing a contribution', () => {
    const coreConsultation = join(here, '../../../core/src/consultation');
    if (!existsSync(coreConsultation)) return;
    const uses = listSourceFiles(coreConsultation)
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(['"])(round\.[A-Za-z0-9_]+)\1/g)].map((m) => ({
          key: m[2]!,
          file: relative(coreConsultation, file),
        })),
      );
    expect(uses.length).toBeGreaterThan(0);
    expect(missingKeys(uses, resources)).toEqual([]);
  });
});
