// Lint rules that catch real mistakes, keep the layers apart and keep hooks honest; formatting is left to the author.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import reactHooks from 'eslint-plugin-react-hooks';
import noImportCycles from './eslint-rules/no-import-cycles.js';

/** Imports a folder may not make: each layer names the ones it must not reach (docs/architecture.md, "Layers"). */
function restrictFolders(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: `(^|/)(${folders.join('|')})/`, message: why }] },
    ],
  };
}

const SHARED_IS_PURE = 'shared/ is pure and used by every host: it imports nothing from outside shared/ (no host, no test, no Node module).';

/** shared/ reaches nothing outside itself: for a file `depth` folders below shared/, no import climbs that many levels. */
function sharedStaysInside(depth) {
  return {
    files: [`shared/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `^(\\.\\./){${depth + 1}}`, message: SHARED_IS_PURE },
            { regex: '^node:', message: SHARED_IS_PURE },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'shared/jwt/simulation-keys.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each folder's own tsconfig (shared/, renderer/, electron/, test/); the config files at the root are read
        // with the default project.
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'eslint-rules/*.js', 'electron/bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
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
    plugins: { tokenscope: { rules: { 'no-import-cycles': noImportCycles } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A switch over a union names every member, so a new kind of event, fault or step is an error wherever it is
      // not handled yet, instead of falling into a default that does nothing.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      'tokenscope/no-import-cycles': 'error',
      // Props and injected services are declared with method syntax but are plain functions that never use `this`:
      // the rule flags every destructured callback (118 findings, not one a lost `this`).
      '@typescript-eslint/unbound-method': 'off',
      // A function that returns a promise without awaiting inside (a fake, a host method satisfying an async
      // interface) is deliberate; a forgotten await is what no-floating-promises and no-misused-promises catch.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read what the CLI, the files and the fakes give back (parsed JSON) and assert on its shape: `any` there is
    // checked by the assertions themselves.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  sharedStaysInside(0),
  sharedStaysInside(1),
  sharedStaysInside(2),
  sharedStaysInside(3),
  {
    files: ['electron/**/*.ts'],
    rules: restrictFolders(['renderer', 'test'], 'electron/ is a host over shared/: what it shares with the renderer lives in shared/, what it shares with the tests in electron/tools.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrictFolders(['electron', 'test'], 'renderer/ is a host over shared/: what it shares with electron/ lives in shared/ (the IPC contract in shared/ipc).'),
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
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
