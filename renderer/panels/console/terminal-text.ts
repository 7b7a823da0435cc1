/**
 * Engine output on its way to the terminal and to the screen reader. The text is printed as returned; only
 * control characters are made visible (`^[` for ESC, as `cat -v` shows them), so nothing in an object name or a
 * manifest can move the cursor or recolour the terminal.
 */

/** `stdout` then `stderr`, as terminal bytes (CR LF line ends), ending on a fresh line when there is any output. */
export function outputForTerminal(stdout: string, stderr: string): string {
  const text = printable(stdout) + printable(stderr);
  if (text === '') return '';
  return (text.endsWith('\n') ? text : `${text}\n`).replace(/\n/g, '\r\n');
}

function printable(text: string): string {
  // A program's CR LF counts as one line end; a lone CR would overwrite the line, so it is dropped.
  return text.replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x0d) return '';
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    if (code === 0x7f) return '^?';
    return '\ufffd';
  });
}

const JWT = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;
const ANNOUNCEMENT_CHARS = 240;

/**
 * One sentence for the live region: where the command ran, whether it worked, and its first line of output (a
 * token is named, not spelled out: nobody wants 900 characters of base64 read aloud).
 */
export function announceResult(flow: string, line: string, exitCode: number, stdout: string, stderr: string): string {
  const verdict = exitCode === 0 ? `Ran on ${flow}` : `Failed on ${flow}, exit code ${exitCode}`;
  const first = [...stdout.split('\n'), ...stderr.split('\n')].map((l) => l.trim()).find((l) => l !== '');
  const said = first === undefined ? 'no output' : JWT.test(first) ? `a token of ${first.length} characters` : first;
  const sentence = `${verdict}: ${line.trim()}. ${said}`;
  return sentence.length > ANNOUNCEMENT_CHARS ? `${sentence.slice(0, ANNOUNCEMENT_CHARS - 1)}…` : sentence;
}
