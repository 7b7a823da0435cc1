/**
 * The flags of both commands in one place: each command reads its own, and a refusal of an unknown flag can say
 * when it belongs to the other command (`tokenscope export --until`), without loading that command.
 */
export interface CliFlag {
  type: 'string' | 'boolean';
}

export const RUN_FLAGS = { until: { type: 'string' }, json: { type: 'boolean' } } as const satisfies Readonly<Record<string, CliFlag>>;

export const EXPORT_VALUE_FLAGS = ['at', 'format', 'scale', 'theme', 'width', 'height', 'from', 'to', 'flows', 'hide', 'out', 'events', 'duration', 'fps'] as const;
export type ExportValueFlag = (typeof EXPORT_VALUE_FLAGS)[number];

export const EXPORT_FLAGS: Readonly<Record<ExportValueFlag | 'transparent' | 'no-legend' | 'no-annotations' | 'force' | 'scenes' | 'loop' | 'no-loop', CliFlag>> = {
  ...(Object.fromEntries(EXPORT_VALUE_FLAGS.map((name) => [name, { type: 'string' }])) as Record<ExportValueFlag, CliFlag>),
  transparent: { type: 'boolean' },
  'no-legend': { type: 'boolean' },
  'no-annotations': { type: 'boolean' },
  force: { type: 'boolean' },
  scenes: { type: 'boolean' },
  loop: { type: 'boolean' },
  'no-loop': { type: 'boolean' },
};

export type CliCommand = 'run' | 'export';

export const COMMAND_FLAGS: Readonly<Record<CliCommand, Readonly<Record<string, CliFlag>>>> = { run: RUN_FLAGS, export: EXPORT_FLAGS };

/** Where the two commands ask for the same thing under different names: the instant to run to. */
export const COUNTERPART_FLAGS: Readonly<Record<CliCommand, Readonly<Record<string, string>>>> = {
  run: { at: 'until' },
  export: { until: 'at' },
};
