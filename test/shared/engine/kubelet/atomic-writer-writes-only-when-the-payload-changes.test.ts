/**
 * The AtomicWriter (docs/kubernetes-facts.md §2.4): compare the payload with what `..data` points at; if nothing changed
 * and nothing is to be removed, write nothing; otherwise write a fresh `..2006_01_02_15_04_05.<digits>` directory
 * and swap `..data` to it.
 */
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../../../shared/engine/kubelet/atomic-writer.ts';
import type { FileContent, MountedVolume } from '../../../../shared/engine/engine-state.ts';
import { tokenManagerFixture } from './token-manager-fixture.ts';

const CA = { text: '-----BEGIN CERTIFICATE-----\n' };
const payload = (token: number, extra: Record<string, FileContent> = {}): Record<string, FileContent> => ({
  token: { token },
  'ca.crt': CA,
  namespace: { text: 'default' },
  ...extra,
});

describe('writeAtomically', () => {
  const { ctx, setNow } = tokenManagerFixture();

  it('the first write creates a ..data dir named after the UTC time, with every path changed', () => {
    setNow(3_723_000); // 01:02:03 after 2025-01-06T09:00:00Z
    const out = writeAtomically(ctx, undefined, payload(1));
    expect(out.written).toBe(true);
    expect(out.volume.dataDir).toMatch(/^\.\.2025_01_06_10_02_03\.\d+$/);
    expect(out.changed.sort()).toEqual(['ca.crt', 'namespace', 'token']);
    expect(out.volume.files).toEqual(payload(1));
  });

  it('the same payload again writes nothing and keeps the ..data dir', () => {
    const current: MountedVolume = writeAtomically(ctx, undefined, payload(1)).volume;
    const again = writeAtomically(ctx, current, payload(1));
    expect(again).toEqual({ written: false, volume: current, changed: [] });
    expect(again.volume).toBe(current);
  });

  it('a new token writes a new ..data dir and reports only the token as changed', () => {
    const current = writeAtomically(ctx, undefined, payload(1)).volume;
    setNow(3_724_000);
    const next = writeAtomically(ctx, current, payload(2));
    expect(next.written).toBe(true);
    expect(next.changed).toEqual(['token']);
    expect(next.volume.dataDir).not.toBe(current.dataDir);
    expect(next.volume.files.token).toEqual({ token: 2 });
    // the old volume object is untouched (the swap is atomic: readers see old or new, never a mix)
    expect(current.files.token).toEqual({ token: 1 });
  });

  it('a path to remove is a change even if every remaining file is identical', () => {
    const current = writeAtomically(ctx, undefined, payload(1, { extra: { text: 'x' } })).volume;
    const next = writeAtomically(ctx, current, payload(1));
    expect(next.written).toBe(true);
    expect(next.changed).toEqual([]);
    expect(Object.keys(next.volume.files).sort()).toEqual(['ca.crt', 'namespace', 'token']);
  });

  it('a text file turning into a token (or back) is a change', () => {
    const current = writeAtomically(ctx, undefined, { token: { text: '1' } }).volume;
    expect(writeAtomically(ctx, current, { token: { token: 1 } }).changed).toEqual(['token']);
  });
});
