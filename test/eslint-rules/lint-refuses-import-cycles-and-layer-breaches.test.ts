/**
 * The layer rules in eslint.config.js and the cycle rule in eslint-rules/no-import-cycles.js, run on small trees
 * shaped like the cycles and breaches the codebase once had (issue 11 §1), so a change to either that lets them back
 * in fails here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

type Config = Linter.Config;
const load = async (file: string) => ((await import(pathToFileURL(resolve(file)).href)) as { default: unknown }).default;
const cycleRule = (await load('eslint-rules/no-import-cycles.js')) as NonNullable<NonNullable<Config['plugins']>[string]['rules']>[string];
const projectConfig = (await load('eslint.config.js')) as Config[];

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** Writes `files` into a fresh tree and returns the cycle rule's messages for `file`. */
function cycleFindings(files: Record<string, string>, file: string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'tokenscope-cycles-'));
  trees.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Config[] = [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { tokenscope: { rules: { 'no-import-cycles': cycleRule } } }, rules: { 'tokenscope/no-import-cycles': 'error' } },
  ];
  return linter.verify(files[file]!, config, { filename: join(root, file) }).map((m) => m.message);
}

/** The messages the project's layer rules give an import of `spec` from `file`. */
function layerFindings(file: string, spec: string): string[] {
  const layers = projectConfig.filter((entry) => entry.rules?.['no-restricted-imports'] !== undefined);
  const linter = new Linter({ configType: 'flat', cwd: resolve('.') });
  const config: Config[] = [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...layers];
  return linter.verify(`import { x } from '${spec}';\nexport const y = x;\n`, config, { filename: resolve(file) }).map((m) => m.message);
}

describe('the cycle rule', () => {
  it('finds a cycle between files through others (tokens-controller → token-markers → token-jwt)', () => {
    const files = {
      'shared/engine/tokens-controller.ts': "import { mark } from './token-markers.ts';\nexport const controller = () => mark;\n",
      'shared/engine/token-markers.ts': "import { jwt } from './token-jwt.ts';\nexport const mark = jwt;\n",
      'shared/engine/token-jwt.ts': "import { controller } from './tokens-controller.ts';\nexport const jwt = () => controller;\n",
    };
    expect(cycleFindings(files, 'shared/engine/tokens-controller.ts').join('\n')).toContain('shared/engine/token-markers.ts, which imports it back');
  });

  it('finds a file in electron/ and its folder importing each other (cli.ts ↔ cli/*)', () => {
    const files = {
      'electron/cli.ts': "import { run } from './cli/run.ts';\nexport const USAGE = 'usage';\nexport const main = run;\n",
      'electron/cli/run.ts': "import { USAGE } from '../cli.ts';\nexport const run = () => USAGE;\n",
    };
    expect(cycleFindings(files, 'electron/cli/run.ts').join('\n')).toContain('which imports it back');
  });

  it('finds folders that import each other with no file cycle (renderer/app ↔ panels, shared/manifest ↔ scenario)', () => {
    const app = {
      'renderer/app/App.tsx': "import { Panel } from '../panels/Panel.tsx';\nexport const App = Panel;\n",
      'renderer/app/host.ts': 'export const host = 1;\n',
      'renderer/panels/Panel.tsx': "import { host } from '../app/host.ts';\nexport const Panel = host;\n",
    };
    expect(cycleFindings(app, 'renderer/panels/Panel.tsx').join('\n')).toContain('renderer/panels/ imports renderer/app/, which imports renderer/panels/ back');
    const model = {
      'shared/manifest/read.ts': "import { step } from '../scenario/step.ts';\nexport const read = step;\n",
      'shared/manifest/kinds.ts': 'export const kinds = 1;\n',
      'shared/scenario/step.ts': "import { kinds } from '../manifest/kinds.ts';\nexport const step = kinds;\n",
    };
    expect(cycleFindings(model, 'shared/scenario/step.ts').join('\n')).toContain('shared/scenario/ imports shared/manifest/');
  });

  it('lets a type-only import point back, and a one-way import stand', () => {
    const files = {
      'renderer/timeline/Panel.tsx': "import { present } from '../presentation/present.ts';\nexport const Panel = present;\n",
      'renderer/presentation/present.ts': "import type { Panel } from '../timeline/Panel.tsx';\nexport const present = 1;\nexport type P = typeof Panel;\n",
    };
    expect(cycleFindings(files, 'renderer/presentation/present.ts')).toEqual([]);
    expect(cycleFindings(files, 'renderer/timeline/Panel.tsx')).toEqual([]);
  });
});

describe('the layer rules', () => {
  it('keep electron/ from importing renderer/ or test/', () => {
    expect(layerFindings('electron/tools/capture-screenshots.ts', '../../test/e2e/browser.ts').join()).toContain('electron/ is a host over shared/');
    expect(layerFindings('electron/cli/export.ts', '../../renderer/export/export-svg.ts').join()).toContain('electron/ is a host over shared/');
    expect(layerFindings('electron/cli/export.ts', '../../shared/export/export-svg.ts')).toEqual([]);
  });

  it('keep shared/ from importing a host, the tests, or anything else outside shared/', () => {
    for (const spec of ['../../renderer/state/store.ts', '../../electron/cli.ts', '../../test/support/golden.ts', '../../assets/fonts/x.ts', 'node:fs']) {
      expect(layerFindings('shared/figure/draw-plan.ts', spec).join(), spec).toContain('shared/ is pure');
    }
    expect(layerFindings('shared/figure/draw-plan.ts', '../lanes/lane-types.ts')).toEqual([]);
    expect(layerFindings('shared/figure/draw-plan.ts', 'd3')).toEqual([]);
  });

  it('keep renderer/ from importing electron/ or test/', () => {
    expect(layerFindings('renderer/app/App.tsx', '../../electron/preload.ts').join()).toContain('renderer/ is a host over shared/');
    expect(layerFindings('renderer/app/App.tsx', '../../shared/ipc/ipc-contract.ts')).toEqual([]);
  });
});
