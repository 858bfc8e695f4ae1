// Shared flat config. Accessibility rules (jsx-a11y) are on for every React file because WCAG 2.2 AA is a release criterion.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export const base = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.turbo/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Migrations are frozen against Kysely<any>: they must not change when the live schema types do.
    files: ['**/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

export const react = tseslint.config(...base, {
  files: ['**/*.tsx'],
  plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
  languageOptions: { globals: { ...globals.browser } },
  rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
});

export default base;
