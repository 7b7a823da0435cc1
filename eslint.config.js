// Lint rules that catch real mistakes; formatting is left to the author.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'shared/jwt/simulation-keys.ts'] },
  ...tseslint.configs.recommended,
  {
    // Text from users and files meets our regular expressions: none may backtrack super-linearly (ReDoS), and input
    // that is not ours (dropped images, pasted tokens, scenario and manifest files) is scanned, not matched, where a
    // regex could not be proved linear.
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential' }],
      'regexp/no-misleading-capturing-group': 'error',
      'regexp/no-useless-backreference': 'error',
      'regexp/no-empty-alternative': 'error',
      'regexp/no-potentially-useless-backreference': 'error',
      'regexp/optimal-quantifier-concatenation': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ runs in Electron's main process, a Web Worker, Node and tests alike: no wall clock, no ambient randomness.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ reads simulated time only; inject a clock.' },
        { object: 'Math', property: 'random', message: 'shared/ draws from the seeded PRNG (sim/prng.ts).' },
        { object: 'performance', property: 'now', message: 'shared/ reads simulated time only.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; pass simulated epoch ms.' },
      ],
    },
  },
);
