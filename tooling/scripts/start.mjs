#!/usr/bin/env node
// `npm start`: install, build the two web apps, then run the API host in the foreground. The host migrates the embedded
// database, seeds the demo data and prints its URLs and demo sign-ins. Usage: node tooling/scripts/start.mjs [--skip-install]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  bold,
  ensurePnpm,
  installDependencies,
  interrupted,
  pnpm,
  red,
  signalExitCode,
  step,
} from './lib/common.mjs';

const args = process.argv.slice(2);
const skipInstall = args.includes('--skip-install');

async function main() {
  if (skipInstall && existsSync(join(ROOT, 'node_modules'))) {
    ensurePnpm();
  } else {
    step('Installing dependencies…');
    if (!(await installDependencies())) return fail('pnpm install failed (see above).');
  }
  if (interrupted()) return signalExitCode(interrupted());

  step('Building the web apps…');
  // turbo caches dist/, so a second start with unchanged sources takes a second or two.
  const build = await pnpm([
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@musyawarah/stakeholder',
    '--filter=@musyawarah/secretariat',
    '--output-logs=errors-only',
    '--continue',
  ]);
  // The API and a working app are still useful when one app does not build; the host answers 503 for an app it
  // cannot find, and npm test is the gate that fails on it.
  if (build.code !== 0) {
    console.error(
      red(bold('Building the web apps failed (see above); starting anyway with whatever was built before.')),
    );
  }
  if (interrupted()) return signalExitCode(interrupted());

  step('Starting the platform…');
  const host = await pnpm(['--filter', '@musyawarah/api-host', 'start']);
  return interrupted() ? 0 : host.code;
}

function fail(message) {
  console.error(red(bold(message)));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(red(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    process.exit(1);
  },
);
