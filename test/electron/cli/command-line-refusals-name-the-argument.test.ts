// The CLI's command line is read strictly (node:util parseArgs); each refusal names the argument that is wrong.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/cli/cli-args.ts';

const read = (args: string[]) => parseCliArgs(args, 'run', (name) => `--${name} needs a value`);
const readExport = (args: string[]) => parseCliArgs(args, 'export', (name) => `--${name} needs a value`);

describe('parseCliArgs', () => {
  it('reads one file, a string flag (spaced or inline) and a boolean flag', () => {
    expect(read(['s.yaml', '--until', '6h', '--json'])).toEqual({ file: 's.yaml', values: { until: '6h', json: true } });
    expect(read(['--until=2h', 's.yaml'])).toEqual({ file: 's.yaml', values: { until: '2h' } });
  });

  it.each([
    [['s.yaml', '--bogus'], 'unknown flag --bogus'],
    [['s.yaml', '--json=yes'], '--json takes no value: give --json alone, without =yes'],
    [['s.yaml', '-x'], 'unknown flag -x'],
    [['s.yaml', '--until'], '--until needs a value'],
    [['s.yaml', '--until='], '--until needs a value'],
    [['s.yaml', '--until', '--json'], '--until needs a value'],
    [['s.yaml', '--until', '1h', '--until', '2h'], '--until is given twice'],
    [['a.yaml', 'b.yaml'], 'unexpected argument "b.yaml": give one scenario file'],
    [['s.yaml', '--', 'x'], 'unknown flag --'],
    [['--json'], 'missing the scenario file'],
  ])('%j → %s', (args, message) => {
    expect(read(args)).toBe(message);
  });

  it('names the first problem in the order given', () => {
    expect(read(['s.yaml', '--bogus', '--until', '1h', '--until', '2h'])).toBe('unknown flag --bogus');
  });
});

describe('an unknown flag names the flag meant', () => {
  it.each([
    [['s.yaml', '--unti', '2h'], 'unknown flag --unti; did you mean --until?'],
    [['s.yaml', '--JSON'], 'unknown flag --JSON; did you mean --json? (flags are lower case)'],
    [['s.yaml', '--Until', '2h'], 'unknown flag --Until; did you mean --until? (flags are lower case)'],
    [['s.yaml', '--at', '2h'], '--at is a flag of tokenscope export, not of tokenscope run; here, give --until'],
    [['s.yaml', '--out', 'x.png'], '--out is a flag of tokenscope export, not of tokenscope run'],
    [['s.yaml', '--zzz'], 'unknown flag --zzz'],
  ])('run %j → %s', (args, message) => {
    expect(read(args)).toBe(message);
  });

  it.each([
    [['s.yaml', '--until', '2h'], '--until is a flag of tokenscope run, not of tokenscope export; here, give --at'],
    [['s.yaml', '--json'], '--json is a flag of tokenscope run, not of tokenscope export'],
    [['s.yaml', '--fromm', '1h'], 'unknown flag --fromm; did you mean --from?'],
    [['s.yaml', '--force=true'], '--force takes no value: give --force alone, without =true'],
  ])('export %j → %s', (args, message) => {
    expect(readExport(args)).toBe(message);
  });
});

describe('a value that starts with a dash', () => {
  it('is a value when it is a negative number or a lone dash, spaced as when inline', () => {
    expect(read(['s.yaml', '--until', '-1h'])).toEqual({ file: 's.yaml', values: { until: '-1h' } });
    expect(readExport(['s.yaml', '--out', '-'])).toEqual({ file: 's.yaml', values: { out: '-' } });
  });

  it('is the next flag, the value forgotten, otherwise', () => {
    expect(read(['s.yaml', '--until', '-x'])).toBe('--until needs a value');
  });
});
