/** Bad scenario files exit non-zero and say where (file:line:column); bad command lines exit 2 with the usage. */
import { afterAll, describe, expect, it } from 'vitest';
import { removeScenarioFiles, runCli, scenarioFile, SIDE_BY_SIDE } from './cli-harness.ts';

afterAll(removeScenarioFiles);

const FLOW = 'flows:\n  - id: a\n    kubernetesVersion: "1.30"\n';

describe('bad scenario files', () => {
  const cases: Array<{ name: string; yaml: string; line: number; column: number; message: RegExp }> = [
    { name: 'unknown duration unit', yaml: `name: x\nduration: 6x\n${FLOW}`, line: 2, column: 11, message: /duration: "6x" has an unknown unit "x"/ },
    {
      name: 'misspelt key (with a suggestion)',
      yaml: `name: x\nduration: 1h\n${FLOW}    apiServr: {}\n`,
      line: 6,
      column: 5,
      message: /flows\[0\]: unknown key "apiServr" \(did you mean apiServer\?\)/,
    },
    {
      name: 'a manifest error points into the file',
      yaml: `name: x\nduration: 1h\n${FLOW}steps:\n  - at: 0s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app\n      spec:\n        containers: 7\n`,
      line: 14,
      column: 21,
      message: /steps\[0\]\.apply\.spec\.containers: must be a list, got the number 7/,
    },
    { name: 'YAML syntax error', yaml: 'name: x\nduration: [1h\n', line: 3, column: 1, message: /YAML syntax: / },
    {
      name: 'a step after the end',
      yaml: `name: x\nduration: 1h\n${FLOW}steps:\n  - at: 2h\n    kubectl: get pods\n`,
      line: 7,
      column: 9,
      message: /steps\[0\]\.at: is after the end of the scenario \(duration 1h\)/,
    },
    { name: 'an unknown Kubernetes version', yaml: 'name: x\nduration: 1h\nflows:\n  - id: a\n    kubernetesVersion: "v1.30"\n', line: 5, column: 24, message: /"v1\.30" is not a simulated Kubernetes version \(write 1\.30 without the v\)/ },
  ];

  for (const c of cases) {
    it(`${c.name}: exit 1, "${c.line}:${c.column}" after the file name, nothing on stdout`, async () => {
      const path = scenarioFile(`${c.name.replace(/\W+/g, '-')}.yaml`, c.yaml);
      const { code, stdout, stderr } = await runCli(['run', path]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const first = stderr.split('\n')[0]!;
      expect(first.startsWith(`${path}:${c.line}:${c.column}: `)).toBe(true);
      expect(first).toMatch(c.message);
      // Said once, in the prefix, not again at the end of the message.
      expect(first).not.toMatch(/\(line \d+/);
    });
  }

  it('every problem is reported on its own line, each with file:line:column', async () => {
    const path = scenarioFile('two-errors.yaml', `name: x\nduration: 6x\nflows:\n  - id: a\n    kubernetesVersion: "1.99"\n`);
    const { code, stderr } = await runCli(['run', path]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('the --json flag does not change error reporting', async () => {
    const path = scenarioFile('json-bad.yaml', `name: x\nduration: 6x\n${FLOW}`);
    const { code, stdout, stderr } = await runCli(['run', path, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`${path}:2:11: `)).toBe(true);
  });

  it('a file that cannot be read: exit 2 and the reason', async () => {
    const { code, stderr } = await runCli(['run', '/nonexistent/scenario.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe('tokenscope run: cannot read /nonexistent/scenario.yaml: there is no such file\n');
  });
});

describe('bad command lines', () => {
  it('unknown flag → exit 2, naming the flag, with the usage', async () => {
    const { code, stdout, stderr } = await runCli(['run', SIDE_BY_SIDE, '--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tokenscope run: unknown flag --bogus\n/);
    expect(stderr).toContain('Usage:\n  tokenscope run SCENARIO.yaml [--until DURATION] [--json]');
  });

  it('unknown command → exit 2', async () => {
    const { code, stderr } = await runCli(['walk', SIDE_BY_SIDE]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tokenscope: unknown command "walk"/);
  });

  it('no file → exit 2; two files → exit 2; --until without a value → exit 2', async () => {
    expect((await runCli(['run'])).code).toBe(2);
    expect((await runCli(['run', SIDE_BY_SIDE, SIDE_BY_SIDE])).code).toBe(2);
    const until = await runCli(['run', SIDE_BY_SIDE, '--until']);
    expect(until.code).toBe(2);
    expect(until.stderr).toMatch(/^tokenscope run: --until needs a duration/);
  });

  it('no arguments prints the usage and exits 2; --help exits 0', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Usage:/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(none.stdout);
  });
});
