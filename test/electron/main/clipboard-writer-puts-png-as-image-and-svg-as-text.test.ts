import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { clipboard, ClipboardItem, nativeImage, resetFakeElectron } from '../../fakes/electron.ts';
import { writeToClipboard, type ClipboardDeps } from '../../../electron/main/clipboard-writer.ts';

beforeEach(() => resetFakeElectron());

const deps: ClipboardDeps = {
  write: (items) => clipboard.write(items as never),
  createItem: (items) => new ClipboardItem(items) as never,
  decodesAsImage: (bytes) => !nativeImage.createFromBuffer(bytes).isEmpty(),
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

describe('writeToClipboard', () => {
  it('puts a PNG on the clipboard as an image/png item carrying exactly its bytes', async () => {
    await writeToClipboard({ mimeType: 'image/png', data: PNG }, deps);
    expect(clipboard.fakeContents.map((item) => item.types)).toEqual([['image/png']]);
    const blob = await clipboard.fakeContents[0]!.getType('image/png');
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
  });

  it('puts an SVG and a caption on the clipboard as text', async () => {
    await writeToClipboard({ mimeType: 'image/svg+xml', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' }, deps);
    expect(await clipboard.readText()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeToClipboard({ mimeType: 'text/plain', data: 'Projected token rotated at 48 m' }, deps);
    expect(clipboard.fakeContents.map((item) => item.types)).toEqual([['text/plain']]);
    expect(await clipboard.readText()).toBe('Projected token rotated at 48 m');
  });

  it('refuses a PNG that does not decode, leaving the clipboard as it was', async () => {
    await writeToClipboard({ mimeType: 'text/plain', data: 'before' }, deps);
    await expect(writeToClipboard({ mimeType: 'image/png', data: PNG.subarray(0, 8) }, deps)).rejects.toThrow('the PNG image could not be decoded');
    expect(await clipboard.readText()).toBe('before');
  });

  it('passes on the clipboard’s own refusal', async () => {
    clipboard.fakeFailure = new Error('the clipboard is owned by another application');
    await expect(writeToClipboard({ mimeType: 'text/plain', data: 'x' }, deps)).rejects.toThrow('owned by another application');
  });
});
