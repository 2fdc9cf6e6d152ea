// Lint rules for every TypeScript workspace: typescript-eslint's strict, type-aware rule sets.
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      'network/**',
      'reports/**',
      'tests/network/.network/**',
      '.tools/**',
      'gateway-api/.data/**',
      // Generated from the gateway's OpenAPI document (npm run generate:api -w explorer-ui).
      'explorer-ui/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  // The explorer's single-file components: vue-eslint-parser reads the template, typescript-eslint the script.
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // Prettier lays templates out; these layout rules would fight it.
    rules: Object.fromEntries(
      [
        'max-attributes-per-line',
        'singleline-html-element-content-newline',
        'multiline-html-element-content-newline',
        'html-self-closing',
        'html-indent',
        'html-closing-bracket-newline',
        'first-attribute-linebreak',
      ].map((rule) => [`vue/${rule}`, 'off']),
    ),
  },
  {
    files: ['explorer-ui/**/*.ts', 'explorer-ui/**/*.vue'],
    // vue-i18n's composer functions (t, te, d, n) are declared as methods but do not use `this`; they are meant to
    // be destructured from useI18n().
    // no-undef does not know the browser's globals; TypeScript checks every name already.
    rules: { '@typescript-eslint/unbound-method': 'off', 'no-undef': 'off' },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    rules: {
      complexity: ['error', 10],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Rest destructuring drops fields by naming them; an underscore says they are dropped on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
