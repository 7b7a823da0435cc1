/**
 * Command history, bash style: ↑ walks back through what was run, ↓ forward, and stepping past the newest entry
 * gives back the line that was being typed. History lives in memory for the app session only: lines can hold
 * tokens, so nothing is written to disk.
 */

export const HISTORY_LIMIT = 500;

/** The entries, shared by every console of the session. */
export class CommandHistory {
  private readonly lines: string[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  get entries(): readonly string[] {
    return this.lines;
  }

  /** Records a run line; blank lines, a repeat of the previous line and lines starting with a space are skipped. */
  add(line: string): void {
    if (line.trim() === '' || line.startsWith(' ') || this.lines[this.lines.length - 1] === line) return;
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
  }
}

/** One console's walk through the history; `reset` when a line is run. */
export class HistoryNavigator {
  /** entries.length means "the line being typed". */
  private index: number;
  private draft = '';

  constructor(private readonly history: CommandHistory) {
    this.index = history.entries.length;
  }

  /** The older entry for ↑, or undefined at the oldest. `current` is kept as the draft when leaving it. */
  previous(current: string): string | undefined {
    const entries = this.history.entries;
    if (this.index > entries.length) this.index = entries.length;
    if (this.index === 0) return undefined;
    if (this.index === entries.length) this.draft = current;
    this.index--;
    return entries[this.index];
  }

  /** The newer entry for ↓, the draft past the newest, or undefined when already on the draft. */
  next(): string | undefined {
    const entries = this.history.entries;
    if (this.index >= entries.length) return undefined;
    this.index++;
    return this.index === entries.length ? this.draft : entries[this.index];
  }

  reset(): void {
    this.index = this.history.entries.length;
    this.draft = '';
  }
}
