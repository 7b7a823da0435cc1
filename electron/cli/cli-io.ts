/** What a CLI command reads and writes, injected so tests drive the commands without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's bytes (decoded strictly as UTF-8 here), or its text. */
  readFile(path: string): Promise<string | Uint8Array>;
}
