import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

describe("core's entry has no side effects", () => {
  it('parses the catalogue on the first getCatalogue() call, not on import, and only once', async () => {
    vi.resetModules();
    const schema = await import('./catalogue/schema');
    const parse = vi.spyOn(schema.catalogueSchema, 'parse');
    const normalisations = vi.spyOn(schema.normalisationsSchema, 'parse');
    const core = await import('./index');
    expect(parse).not.toHaveBeenCalled();
    expect(normalisations).not.toHaveBeenCalled();

    const first = core.getCatalogue();
    expect(first.actionAreas.length).toBeGreaterThan(0);
    expect(core.getCatalogue()).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(normalisations).not.toHaveBeenCalled();
  });

  // A fresh process: this suite's setup file has installed the messages already, as every program does at start.
  it('leaves zod as it is until installValidationMessages() is called', () => {
    const script = `
      const { z } = await import('zod');
      const core = await import('./src/index.ts');
      const before = z.string().safeParse(1).error.issues[0].message;
      core.installValidationMessages();
      const after = z.string().safeParse(1).error.issues[0].message;
      console.log(JSON.stringify({ before, after }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    const { before, after } = JSON.parse(out.trim().split('\n').pop()!) as { before: string; after: string };
    expect(before).not.toMatch(/^validation\./);
    expect(after).toBe('validation.invalidType');
  });
});
