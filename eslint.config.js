// ESLint: typescript-eslint's recommended rules (syntax only, no type information, so the lint
// stays a few seconds), no `any`, and no import cycles. Run by `npm test` (scripts/run-tests.mjs)
// after the typecheck; `npx eslint .` runs it alone.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: ['dist/', 'action/dist/', 'coverage/', 'bench/.work/', 'node_modules/', '.data/', '.steward/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // a cycle between modules makes the order they start in matter; type-only imports do not
      // run, so they may go both ways
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
      // the sources match control characters on purpose (cleaning text, parsing git's output)
      'no-control-regex': 'off',
      // runs of spaces in a pattern are often the very thing a test asserts, written as seen
      'no-regex-spaces': 'off',
      // TypeScript checks names in .ts; the scripts are plain JavaScript on Node
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
);
