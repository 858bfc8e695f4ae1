// Production bundle of the host: `dist/main.js` (ESM, Node 20). The workspace packages (@musyawarah/*, consumed as
// TypeScript source) are bundled in; every npm package stays external and is installed in production, which keeps
// native and wasm packages (@node-rs/argon2's optional binaries, PGlite's wasm and data files loaded relative to its
// own folder), pg, pino and nodemailer exactly as their authors ship them.
//
// The build fails when the bundle imports an npm package the host does not declare under `dependencies`: a production
// install (`pnpm deploy --prod`, see tooling/scripts/package-server.mjs) installs only those, so an undeclared one would
// start in development and crash in production.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const here = import.meta.dirname;
const pkg = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const declared = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const imported = new Set();
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(packageName(args.path))) return { external: true };
      if (args.path.startsWith('@musyawarah/')) return undefined; // workspace source: bundle it
      // Data files of npm packages (stopwords-iso's lists) go inside the bundle: Node refuses an external JSON import
      // without `with { type: 'json' }`, which the TypeScript sources (run by tsx and vite as well) do not write.
      if (args.path.endsWith('.json')) return undefined;
      imported.add(packageName(args.path));
      return { external: true };
    });
  },
};

rmSync(path.join(here, 'dist'), { recursive: true, force: true });
await build({
  // The host and `pnpm worker`'s process (dist/worker.js), built from the same sources, and the thread both draw
  // report PDFs on (dist/report-render-worker.js, found beside them by packages/api/src/reports/render-off-thread.ts).
  entryPoints: [
    { in: path.join(here, 'src/main.ts'), out: 'main' },
    { in: path.join(here, 'src/worker.ts'), out: 'worker' },
    { in: path.join(here, '../../packages/api/src/reports/render-worker.ts'), out: 'report-render-worker' },
  ],
  outdir: path.join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  // Bundled code that calls require() (none today) would need it in ESM.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [externalNpmPackages],
  logLevel: 'warning',
  // Core declares itself free of side effects (its entry installs nothing; programs call installValidationMessages()),
  // so esbuild rightly drops the few leftover bare `import '../schemas/messages'` lines — and would warn about each.
  logOverride: { 'ignored-bare-import': 'silent' },
});

const missing = [...imported].filter((name) => !declared.has(name)).sort();
if (missing.length) {
  console.error(
    `apps/api/dist/main.js imports npm packages that @musyawarah/api-host does not declare under "dependencies": ` +
      `${missing.join(', ')}.\nA production install would not have them: add them (pnpm --filter @musyawarah/api-host add …).`,
  );
  process.exit(1);
}
console.log(`apps/api/dist/main.js built; external npm packages: ${[...imported].sort().join(', ')}`);
