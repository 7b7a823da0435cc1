// The CLI's command line is read strictly (node:util parseArgs); each refusal names the argument that is wrong.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/cli/cli-args.ts';

const FLAGS = { until: { type: 'string' }, json: { type: 'boolean' } } as const;
const read = (args: string[]) => parseCliArgs(args, FLAGS, (name) => `--${name} needs a value`);

describe('parseCliArgs', () => {
  it('reads one file, a string flag (spaced or inline) and a boolean flag', () => {
    expect(read(['s.yaml', '--until', '6h', '--json'])).toEqual({ file: 's.yaml', values: { until: '6h', json: true } });
    expect(read(['--until=2h', 's.yaml'])).toEqual({ file: 's.yaml', values: { until: '2h' } });
  });

  it.each([
    [['s.yaml', '--bogus'], 'unknown flag --bogus'],
    [['s.yaml', '--json=yes'], 'unknown flag --json'],
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
