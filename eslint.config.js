// ESLint: JavaScript's and TypeScript's recommended rules, and Astro's for .astro files.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default defineConfig(
  { ignores: ['dist/', '**/.astro/', 'node_modules/', 'bench/out/', 'test/.tmp/', '.dist-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // Node's globals in the JavaScript files (the Astro configurations): `astro check` type-checks
  // them (// @ts-check), which reports a name that is not defined.
  { files: ['**/*.{js,mjs}'], rules: { 'no-undef': 'off' } },
  {
    rules: {
      // Unused names are errors, except those marked unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
