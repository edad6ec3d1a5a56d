import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'node_modules/', '.data/', '.bench/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
)
