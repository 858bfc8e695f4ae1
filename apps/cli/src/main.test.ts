import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');

/** Runs the real entry point the root "cli" script runs, as a separate process. */
function cli(args: string[], input = '') {
  const r = spawnSync(tsx, ['apps/cli/src/main.ts', ...args], { cwd: repoRoot, input, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

describe('the cli process', () => {
  it('prints pure JSON on stdout for assess', () => {
    const r = cli(['assess', '--format', 'json'], JSON.stringify({ answers: { Q1: 'yes', Q2: 'partial' } }));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pillars[0]).toMatchObject({ pillar: 1, score: 4.5, answered: 2, tier: null });
  });

  it('prints pure JSON on stdout for catalogue export', () => {
    const r = cli(['catalogue', 'export', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).actionAreas.length).toBeGreaterThan(0);
  });

  it('exits 2 with nothing on stdout for bad input', () => {
    const r = cli(['assess'], '{"answers":{"Q99":"yes"}}');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown criterion "Q99"/);
  });
});
