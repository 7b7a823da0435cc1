/** The short caption beside a kubectl mark: the command line, and the reason when it failed. */

/** "create token my-app --duration 5m → may not specify a duration less than 10 minutes". */
export function kubectlCaption(command: string, exitCode: number, stderr: string): string {
  // A command with a here-document is captioned by its command line, not the manifest under it.
  const args = (command.split('\n')[0] ?? '').replace(/^\s*kubectl\s+/, '').trim();
  if (exitCode === 0) return args;
  const line = stderr.split('\n').find((l) => l.trim().length > 0) ?? 'failed';
  let reason = line.replace(/^error:\s*/, '');
  const invalid = reason.lastIndexOf('Invalid value:');
  if (invalid >= 0) reason = reason.slice(reason.indexOf(': ', invalid + 'Invalid value:'.length + 1) + 2);
  return `${args} → ${reason.trim()}`;
}
