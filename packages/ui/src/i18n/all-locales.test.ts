// Every key of every namespace in every language the platform speaks (issue #13): a missing key, a plural form the
// language needs, or a placeholder lost in translation fails here, for the kit, both apps and the e-mails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '@musyawarah/core/domain';
import { describe, expect, it } from 'vitest';
import { checkLocale, LOCALE_ROOTS } from '../../../../tooling/scripts/i18n-check.mjs';
import { computeStatus, STATUS_DIR } from '../../../../tooling/scripts/i18n-status.mjs';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const translated = LANGUAGES.filter((l) => l !== 'en');

describe.each(translated)('%s', (locale) => {
  it('has every key, plural form and placeholder of English in the kit, both apps and the e-mails', () => {
    const problems = LOCALE_ROOTS.filter((root) => existsSync(join(repo, root))).flatMap((root) =>
      checkLocale(join(repo, root), locale),
    );
    expect(problems).toEqual([]);
  });

  it('has a review status for every translated key (node tooling/scripts/i18n-status.mjs keeps it)', () => {
    const path = join(STATUS_DIR, `${locale}.json`);
    expect(existsSync(path), path).toBe(true);
    const recorded = JSON.parse(readFileSync(path, 'utf8')) as Record<
      string,
      { source: string; status: string }
    >;
    const { status } = computeStatus(locale, recorded);
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(status).sort());
  });
});
