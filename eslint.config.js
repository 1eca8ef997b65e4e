// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { rendererLayersPlugin } from './eslint/renderer-layers.js';

/** Architecture boundaries: which top-level part may import which. */
const boundary = (forbidden, message, ...more) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }, ...more] }],
});

/** The renderer talks to its host only through shared/ipc, and to the hub only over HTTP. */
const rendererOutside = [['**/electron/**', '**/server/**', '**/contract/**', 'electron', 'pg', 'fastify', 'node:*'], 'The renderer talks to its host only through shared/ipc, and to the hub only over HTTP.'];
/** A feature folder's index.ts is its public face; its other files may change without notice. */
const featureInternals = { regex: '(^|/)features/[^/]+/', message: "Import another feature through its index.ts ('…/features/<name>'), never its files." };
const siblingFeatureInternals = { regex: '^\\.\\./[^./][^/]*/', message: "Import another feature through its index.ts ('../<name>'), never its files." };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tools/', '.data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...boundary(...rendererOutside, featureInternals),
    },
  },
  // No import cycles between renderer layers: each imports only downward (the order is in eslint/renderer-layers.js).
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { renderer: rendererLayersPlugin },
    rules: { 'renderer/layers': ['error', { root: `${import.meta.dirname}/renderer/src` }] },
  },
  // Inside a feature, '../<name>/…' is another feature's file (rules for the same key replace each other, so the host rule is repeated).
  { files: ['renderer/src/features/*/*.{ts,tsx}'], rules: boundary(...rendererOutside, featureInternals, siblingFeatureInternals) },
  { files: ['server/**/*.ts'], rules: boundary(['**/renderer/**', '**/electron/**', '**/contract/**', 'electron', 'react', 'dexie'], 'The hub shares only shared/ and resources/ with the app.') },
  { files: ['electron/**/*.ts'], rules: boundary(['**/renderer/**', '**/server/**', '**/contract/**', 'react', 'dexie'], 'The main process is thin: it shares only shared/ with the renderer.') },
  { files: ['shared/**/*.ts'], rules: boundary(['**/renderer/**', '**/server/**', '**/electron/**', '**/contract/**', 'electron', 'react', 'dexie', 'fastify', 'node:*'], 'shared/ is pure contracts, usable on every side.') },
  // contract/ is the one place where the device's code meets the hub's code (tests of the engine against the real hub);
  // it may import renderer/, server/ and shared/, and nothing imports it.
  { files: ['contract/**/*.ts'], rules: boundary(['**/electron/**', 'electron', 'react'], 'Contract tests run the device and the hub in one process; the main process and React are not part of it.') },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'contract/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // A native date input follows the system's language (mm/dd/yyyy on an English laptop) and misreads 03-12-2026.
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='type'][value.value=/^(date|datetime-local|month|week)$/]", message: 'Use DateField (renderer/src/ui/date-field.tsx): it is always dd-mm-jjjj.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
