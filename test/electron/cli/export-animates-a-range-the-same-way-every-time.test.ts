/**
 * `tokenscope export … --out x.gif|x.apng`: the playhead moving over a range, the same bytes every time; the frame
 * count and delays the flags ask for; the moment inside, which the app reopens at the start of the range; every
 * animation flag that makes no sense, and every cap, refused with a sentence naming the flag.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { main } from '../../../electron/cli.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { openRequestFor } from '../../../renderer/export-dialog/open-exported-file.ts';
import { decodeApng, decodeGif } from '../../support/animation-decoders.ts';
import { SIDE_BY_SIDE } from './cli-harness.ts';

const H = 3_600_000;
const SMALL = ['--width', '640', '--height', '360'];

async function exportCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array>();
  const code = await main(['export', SIDE_BY_SIDE, ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path: string, data: Uint8Array | string) => void written.set(path, data as Uint8Array),
  });
  return { code, stdout, stderr, written };
}

describe('tokenscope export as an animation', () => {
  it('writes the same GIF twice, with the frames and delays asked for, and says what it wrote', async () => {
    const args = [...SMALL, '--from', '0s', '--to', '2h', '--duration', '2s', '--fps', '6', '--out', 'rotation.gif'];
    const first = await exportCli(args);
    const second = await exportCli(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^wrote rotation\.gif \(image\/gif, [\d,]+ bytes\)\n12 frames at 6 fps, 2 s, looping\ncaption: /);
    const gif = first.written.get('rotation.gif')!;
    expect(Buffer.compare(Buffer.from(gif), Buffer.from(second.written.get('rotation.gif')!))).toBe(0);
    const decoded = decodeGif(gif);
    expect(decoded.frames).toHaveLength(12);
    expect(decoded.delaysCs.reduce((a, b) => a + b)).toBe(200);
    expect(decoded.width).toBe(640);
    expect(decoded.height).toBe(360);
  });

  it('writes the same APNG twice, played once with --no-loop', async () => {
    const args = [...SMALL, '--to', '1h', '--duration', '1s', '--fps', '4', '--no-loop', '--out', 'once.apng'];
    const [a, b] = [await exportCli(args), await exportCli(args)];
    expect(a.code).toBe(0);
    const apng = a.written.get('once.apng')!;
    expect(Buffer.compare(Buffer.from(apng), Buffer.from(b.written.get('once.apng')!))).toBe(0);
    const decoded = decodeApng(apng);
    expect(decoded.frames).toHaveLength(4);
    expect(decoded.loops).toBe(1);
    expect(a.stdout).toContain('4 frames at 4 fps, 1 s, played once');
  });

  it('carries the scenario and the range, which the app reopens at the start of the range', async () => {
    for (const out of ['reopen.gif', 'reopen.apng']) {
      const run = await exportCli([...SMALL, '--from', '30m', '--to', '2h', '--duration', '1s', '--fps', '2', '--out', out]);
      const bytes = run.written.get(out)!;
      const moment = readEmbeddedMoment(bytes, out);
      if (!moment.ok) throw new Error(moment.error);
      expect(moment.value).toEqual({ version: 1, scenarioText: readFileSync(SIDE_BY_SIDE, 'utf8'), sourceName: 'side-by-side.yaml', playheadMs: 0.5 * H, view: { startMs: 0.5 * H, endMs: 2 * H } });
      expect(openRequestFor(out, bytes)).toEqual({ kind: 'moment', fileName: out, moment: moment.value });
    }
  });

  it('names the file after the range when no --out is given', async () => {
    const run = await exportCli([...SMALL, '--format', 'gif', '--to', '1h', '--duration', '1s', '--fps', '2']);
    expect([...run.written.keys()]).toEqual(['side-by-side-0s-to-1h.gif']);
  });

  const bad: [string, string[], string][] = [
    ['--at with an animation', ['--out', 'x.gif', '--at', '1h'], "tokenscope export: --at applies to still images; an animation's playhead moves from --from to --to"],
    ['--scale with an animation', ['--out', 'x.apng', '--scale', '2'], 'tokenscope export: --scale applies to PNG only; an animation is drawn at 1×'],
    ['a transparent animation', ['--out', 'x.gif', '--transparent'], "tokenscope export: --transparent applies to PNG and SVG; an animation's page is always solid"],
    ['--duration with a still', ['--out', 'x.png', '--duration', '5s'], 'tokenscope export: --duration applies to animations (--out FILE.gif or FILE.apng); PNG is a still'],
    ['--no-loop with a still, naming --no-loop', ['--out', 'x.svg', '--no-loop'], 'tokenscope export: --no-loop applies to animations (--out FILE.gif or FILE.apng); SVG is a still'],
    ['a duration that is not one', ['--out', 'x.gif', '--duration', 'long'], 'tokenscope export: --duration: '],
    ['a duration over the cap', ['--out', 'x.gif', '--duration', '2m'], 'tokenscope export: --duration: the duration must be from 1 s to 60 s'],
    ['a frame rate over the cap', ['--out', 'x.gif', '--fps', '60'], 'tokenscope export: --fps: the frame rate must be a whole number of frames a second from 1 to 30'],
    ['a frame rate that is not a number', ['--out', 'x.gif', '--fps', 'fast'], 'tokenscope export: --fps: expected a whole number of frames a second, got "fast"'],
    ['both --loop and --no-loop', ['--out', 'x.gif', '--loop', '--no-loop'], 'tokenscope export: --loop and --no-loop: give one of them, once'],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what}, naming the flag`, async () => {
      const run = await exportCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(message), run.stderr).toBe(true);
      expect(run.written.size).toBe(0);
    });
  }

  it('refuses more frames or pixels than an animation may have, saying what to change, before drawing any', async () => {
    const frames = await exportCli(['--out', 'x.gif', '--duration', '60s', '--fps', '30']);
    expect(frames.code).toBe(1);
    expect(frames.stderr).toBe("tokenscope export: 1,800 frames are more than an animation may have (900); shorten it or lower the frame rate\n");
    const pixels = await exportCli(['--out', 'x.gif', '--width', '3840', '--height', '2160']);
    expect(pixels.code).toBe(1);
    expect(pixels.stderr).toBe('tokenscope export: a 3840 × 2160 frame has more pixels than an animation\'s frame may (2,073,600, a 1920 × 1080 slide); make it narrower, or choose the 16:9 page\n');
    const total = await exportCli(['--out', 'x.gif', '--width', '1920', '--height', '1080', '--duration', '30s', '--fps', '10']);
    expect(total.stderr).toMatch(/^tokenscope export: 300 frames of 1920 × 1080 are 622 million pixels, more than an animation may have \(420 million\); shorten it, lower the frame rate or make it narrower\n$/);
  });
});
