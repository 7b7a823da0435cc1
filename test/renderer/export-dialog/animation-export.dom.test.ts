// @vitest-environment jsdom
/**
 * The export dialog's animation, in jsdom with the real exporters and the wasm rasteriser: choosing it shows its
 * settings and what the file will come to before it is made; a window past the playhead is refused with a sentence;
 * saving shows a frame-by-frame progress bar and ends with a GIF that carries the range; Cancel stops it between
 * frames and says how far it got; the videos say when this browser (here: none) cannot encode them.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDeps } from '../../../shared/export/export-file.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import { ExportDialog } from '../../../renderer/export-dialog/ExportDialog.tsx';
import { exportSourceOf } from '../../../renderer/export-dialog/use-export-moment.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { exportDepsFromDisk, fakeHost, liveEngine, type FakeHost } from './export-fixture.ts';

const H = 3_600_000;
let deps: ExportDeps;
let source: ExportSource;

beforeAll(async () => {
  deps = await exportDepsFromDisk();
  const { store } = await liveEngine(undefined, 2 * H);
  source = exportSourceOf(store.getSnapshot(), { startMs: 0, endMs: 6 * H })!;
});

afterEach(() => cleanup());

function open(host: FakeHost) {
  return render(
    createElement(ExportDialog, {
      source,
      memory: null,
      host,
      loadDeps: () => Promise.resolve(deps),
      onRemember: () => Promise.resolve(),
      onClose: () => undefined,
      onOpenFile: () => undefined,
    }),
  );
}

const byId = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } });
const saveButton = () => byId('export-save') as HTMLButtonElement;

/** The dialog set to a small GIF of 0 to 2 h. */
function chooseSmallGif(host: FakeHost, durationText: string) {
  open(host);
  fireEvent.click(byId('export-format-animation'));
  change('export-width', '640');
  fireEvent.click(byId('export-aspect-16-9'));
  change('export-from', '0s');
  change('export-to', '2h');
  change('export-duration', durationText);
}

describe('exporting an animation from the dialog', () => {
  it('shows its settings, refuses a window past the playhead, and says what the file will come to', async () => {
    open(fakeHost());
    fireEvent.click(byId('export-format-animation'));
    expect((byId('export-animation-gif') as HTMLInputElement).checked).toBe(true);
    expect((byId('export-duration') as HTMLInputElement).value).toBe('10s');
    expect((byId('export-fps') as HTMLSelectElement).value).toBe('15');
    expect((byId('export-loop') as HTMLInputElement).checked).toBe(true);
    // The whole scenario runs to 6 h; only 2 h have been simulated, so the animation stops at the playhead.
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    expect(screen.queryByText(/The animation would run to/)).toBeNull();
    // A range typed past the playhead asks for time not simulated yet: refused.
    fireEvent.click(byId('export-window-range'));
    change('export-to', '6h');
    await waitFor(() => expect(screen.getByText(/The animation would run to 6h, but only the time up to the playhead \(2h\) has been simulated/)).toBeTruthy());
    expect(saveButton().disabled).toBe(true);
    change('export-to', '2h');
    change('export-width', '640');
    fireEvent.click(byId('export-aspect-16-9'));
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    await waitFor(() => expect(byId('export-animation-size').textContent).toMatch(/^150 frames of 640 × 360 px, about [\d,]+ (kB|MB)$/), { timeout: 60_000 });
    change('export-duration', '2m');
    await waitFor(() => expect(screen.getByText('The duration must be from 1 s to 60 s.')).toBeTruthy());
    expect(saveButton().disabled).toBe(true);
  });

  it('says which videos this browser cannot encode, and offers them no further', async () => {
    open(fakeHost());
    fireEvent.click(byId('export-format-animation'));
    await waitFor(() => expect(byId('export-animation').textContent).toContain('WebM video (not in this browser)'));
    expect((byId('export-animation-webm') as HTMLInputElement).disabled).toBe(true);
    expect((byId('export-animation-mp4') as HTMLInputElement).disabled).toBe(true);
  });

  it('saves a GIF frame by frame, with a progress bar, that reopens the range', async () => {
    const host = fakeHost();
    chooseSmallGif(host, '1s');
    fireEvent.change(byId('export-fps'), { target: { value: '5' } });
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    const seen: string[] = [];
    const watcher = new MutationObserver(() => {
      const progress = screen.queryByTestId('export-animation-progress');
      if (progress?.textContent) seen.push(progress.textContent);
    });
    watcher.observe(document.body, { subtree: true, childList: true, characterData: true });
    await act(async () => {
      fireEvent.click(saveButton());
    });
    await waitFor(() => expect(byId('export-status').textContent).toMatch(/^Saved the GIF \(640 × 360 px\): \/home\/user\/assets-scenarios-side-by-side-0s-to-2h\.gif$/), { timeout: 60_000 });
    watcher.disconnect();
    expect(seen.some((text) => /Frame [1-4] of 5Cancel/.test(text))).toBe(true);
    expect(screen.queryByTestId('export-animation-progress')).toBeNull();
    const saved = host.saved.at(-1)!;
    expect(saved.mimeType).toBe('image/gif');
    const moment = readEmbeddedMoment(saved.data as Uint8Array, saved.suggestedName);
    expect(moment.ok && moment.value.view).toEqual({ startMs: 0, endMs: 2 * H });
    expect(moment.ok && moment.value.playheadMs).toBe(0);
  });

  it('stops between frames on Cancel, saves nothing, and says how far it got', async () => {
    const host = fakeHost();
    chooseSmallGif(host, '20s');
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    await act(async () => {
      fireEvent.click(saveButton());
    });
    await waitFor(() => expect(byId('export-animation-progress').textContent).toMatch(/Frame \d+ of 300/), { timeout: 60_000 });
    await act(async () => {
      fireEvent.click(byId('export-animation-cancel'));
    });
    await waitFor(() => expect(byId('export-status').textContent).toMatch(/^The GIF was not made: the animation was canceled after \d+ of 300 frames\.$/), { timeout: 60_000 });
    expect(host.saved).toHaveLength(0);
    expect(screen.queryByTestId('export-animation-progress')).toBeNull();
  });
});
