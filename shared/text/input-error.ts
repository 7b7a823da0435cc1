/** A problem found in a scenario, a manifest or a kubectl line: what and where. */
export interface InputError {
  message: string;
  /** 1-based; absent when the input has no lines (an IPC payload, say). */
  line?: number;
  column?: number;
  /** Dotted path of the offending field, e.g. `steps[3].client.callEvery`. */
  path?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };
