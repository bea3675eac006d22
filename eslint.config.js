import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'demo/dist/', 'server/review-app/dist/', 'test-results/', '.data/', '.tmp/', '**/.scratch*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-undef': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // Pure core: detection, policy and audit logic must not reach for the DOM or browser APIs.
    files: ['lib/detect/**', 'lib/policy/schema.ts', 'lib/policy/merge.ts', 'lib/audit/chain.ts', 'lib/messages/protocol.ts', 'lib/messages/router.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt/*', 'webextension-polyfill', 'preact', 'preact/*'] }],
    },
  },
);
