// Lint: typescript-eslint's recommended rules plus the module boundaries of docs/architecture.md.
import tseslint from 'typescript-eslint';

const LIBS = ['admin', 'database', 'config', 'observability', 'tenancy', 'scim', 'audit', 'events', 'webhooks', 'connectors', 'outbound'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'scripts/ensure-built.js', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unsafe-function-type': 'off', // TypeORM's entity and migration lists are typed as Function
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\.{1,2}/', '^node:'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A lib is used through its alias and public index, never by a deep path into another lib.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@provisio/*/*'], message: 'Import a lib through its public index (@provisio/<lib>).' },
          { group: LIBS.map((lib) => `**/libs/${lib}/**`), message: 'Import other libs by alias (@provisio/<lib>), not by path.' },
        ],
      }],
    },
  },
  {
    // Libs never depend on apps.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/apps/**'], message: 'libs must not import apps.' },
          { group: ['@provisio/*/*'], message: 'Import a lib through its public index (@provisio/<lib>).' },
          { group: LIBS.map((lib) => `**/libs/${lib}/**`), message: 'Import other libs by alias (@provisio/<lib>), not by path.' },
        ],
      }],
    },
  },
);
