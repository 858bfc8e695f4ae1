import { sharedResources } from '@musyawarah/ui';
import { collectKeys, missingKeys } from '@musyawarah/ui/testing';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appResources } from './resources';

const src = dirname(fileURLToPath(import.meta.url));

describe('secretariat translations (en)', () => {
  const resources = { ...sharedResources.en, ...appResources.en };

  it('does not redefine a shared namespace', () => {
    const clash = Object.keys(appResources.en).filter((ns) => ns in sharedResources.en);
    expect(clash).toEqual([]);
  });

  it('has every key the app uses', () => {
    const uses = collectKeys([src], Object.keys(resources), src);
    expect(uses.length).toBeGreaterThan(50);
    expect(missingKeys(uses, resources)).toEqual([]);
  });

  it('translates the errors the users procedures throw', () => {
    expect(missingKeys([{ key: 'errors.invitationClosed', file: 'API' }], resources)).toEqual([]);
  });
});
