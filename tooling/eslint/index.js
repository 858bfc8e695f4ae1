// Shared flat config. Accessibility rules (jsx-a11y) are on for every React file because WCAG 2.2 AA is a release criterion.
// Linting is type-aware (issue #12): a promise nobody awaits or catches loses its error silently, and an async function
// handed to an onClick/onSubmit swallows its rejection; only the type checker can see either.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export const base = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.turbo/**', '**/*.d.ts', '**/*.d.mts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // One program per tsconfig.json, found from each file; the build and lint configs outside it are checked
        // against a default project instead of being refused.
        projectService: { allowDefaultProject: ['eslint.config.js', 'build.mjs', 'build/*.mjs'] },
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function without an await still returns the promise an interface asks for (a stub's hashPassword,
      // a migration provider); rewriting each as Promise.resolve(...) would be noise that catches nothing the promise
      // rules above do not.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tests read JSON bodies, parsed output and mock calls, which are `any` by nature; asserting on them is the test's
    // job. The promise rules still apply: an unawaited expectation passes without checking.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (the tooling scripts, build files) has no annotations, so every parameter and JSON value is `any`
    // to the checker and the no-unsafe-* rules would flag each use; the promise rules still apply there.
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Migrations are frozen against Kysely<any>: they must not change when the live schema types do, so the rules that
    // track `any` through them say nothing useful.
    files: ['**/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);

export const react = tseslint.config(...base, {
  files: ['**/*.tsx'],
  plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
  languageOptions: { globals: { ...globals.browser } },
  rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
});

export default base;
