#!/usr/bin/env node
// Assembles a production folder from a built checkout (`pnpm build` first):
//
//   <target>/apps/api/dist/main.js          the bundled host (workspace packages inside, see apps/api/build.mjs)
//   <target>/apps/api/package.json          its runtime dependencies only
//   <target>/apps/api/node_modules/         production-only install of those (pnpm deploy --prod, from the lockfile)
//   <target>/apps/stakeholder/dist/         the built stakeholder portal
//   <target>/apps/secretariat/dist/         the built secretariat app
//   <target>/{packages/ui,apps/stakeholder,apps/secretariat}/src/locales/, packages/api/src/mail/locales/,
//   <target>/packages/ui/src/translation-review/
//                                           the translation files (JSON only) the Secretariat's translation review reads
//                                           (packages/api/src/translations-catalogue.ts)
//
// The layout mirrors the repository's, so the host finds the apps (and `.data/pglite`) three levels above its own file
// as it does in a checkout. Start it from <target> with `NODE_ENV=production node apps/api/dist/main.js`.
// The Dockerfile and tooling/reliability/src/production-build.test.ts run exactly this script.
//
// Usage: node tooling/scripts/package-server.mjs <target> [--offline]
//   --offline  install only from pnpm's store (fails if a package is missing there) instead of preferring it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  console.error('Usage: node tooling/scripts/package-server.mjs <target folder> [--offline]');
  process.exit(2);
}
const out = resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(`${out} is not empty; give a new or empty folder.`);
  process.exit(2);
}

const built = [
  'apps/api/dist/main.js',
  'apps/stakeholder/dist/index.html',
  'apps/secretariat/dist/index.html',
];
const missing = built.filter((file) => !existsSync(join(ROOT, file)));
if (missing.length) {
  console.error(`Not built: ${missing.join(', ')}. Run \`pnpm build\` from the repository root first.`);
  process.exit(1);
}

const started = Date.now();
// `--legacy`: pnpm 10's default deploy needs `inject-workspace-packages=true` for the whole workspace, which would change
// how every package links its siblings in development. The host's workspace packages are dev dependencies (bundled),
// so the legacy deploy installs npm packages only, at the lockfile's versions.
const pnpmArgs = [
  '--filter',
  '@musyawarah/api-host',
  'deploy',
  '--legacy',
  '--prod',
  args.includes('--offline') ? '--offline' : '--prefer-offline',
  join(out, 'apps/api'),
];
const pnpm = process.env.PNPM_BIN ? [process.env.PNPM_BIN, pnpmArgs] : ['corepack', ['pnpm', ...pnpmArgs]];
const result = spawnSync(pnpm[0], pnpm[1], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' },
});
if (result.status !== 0) {
  console.error(`pnpm deploy failed (${result.error?.message ?? `exit ${result.status}`})`);
  process.exit(1);
}
for (const app of ['stakeholder', 'secretariat'])
  cpSync(join(ROOT, 'apps', app, 'dist'), join(out, 'apps', app, 'dist'), { recursive: true });
// The translation review screen reads the English source, the translations and their review status from the files, at
// the same paths relative to the root as in a checkout (the host is three levels below the root in both).
const TRANSLATION_TREES = [
  'packages/ui/src/locales',
  'apps/stakeholder/src/locales',
  'apps/secretariat/src/locales',
  'packages/api/src/mail/locales',
  'packages/ui/src/translation-review',
];
for (const tree of TRANSLATION_TREES) {
  if (!existsSync(join(ROOT, tree))) continue;
  cpSync(join(ROOT, tree), join(out, tree), {
    recursive: true,
    filter: (source) => statSync(source).isDirectory() || source.endsWith('.json'),
  });
}

console.log(
  `Production folder ready in ${out} (${((Date.now() - started) / 1000).toFixed(1)} s).\n` +
    `Start it with: cd ${out} && NODE_ENV=production DATABASE_URL=postgres://… node apps/api/dist/main.js`,
);
