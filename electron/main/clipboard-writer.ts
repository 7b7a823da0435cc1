/**
 * Copy PNG / Copy SVG on the desktop: a PNG goes on the clipboard as an image (so it pastes into slides and chat
 * apps), an SVG or any other text as text (so it pastes into an editor or a docs page as markup). Electron's
 * clipboard takes W3C-style ClipboardItems of Blobs; nativeImage first checks that the PNG really decodes, so a
 * broken image is reported instead of leaving the user a clipboard that pastes nothing.
 */
import type { ClipboardItem } from 'electron';
import type { ClipboardItemRequest } from '../../shared/ipc/ipc-contract.ts';

export interface ClipboardDeps {
  write(items: ClipboardItem[]): Promise<void>;
  createItem(items: Record<string, string | Blob>): ClipboardItem;
  /** Whether these PNG bytes decode to a non-empty image. */
  decodesAsImage(bytes: Uint8Array): boolean;
}

/** Rejects, in words, when the image cannot be decoded or the clipboard refuses the write. */
export async function writeToClipboard(item: ClipboardItemRequest, deps: ClipboardDeps): Promise<void> {
  if (item.mimeType === 'image/png') {
    if (!deps.decodesAsImage(item.data)) throw new Error('the PNG image could not be decoded, so nothing was copied');
    await deps.write([deps.createItem({ 'image/png': new Blob([item.data], { type: 'image/png' }) })]);
    return;
  }
  await deps.write([deps.createItem({ 'text/plain': item.data })]);
}
