// @vitest-environment jsdom
/**
 * The export feature as the app mounts it, over a live engine: the button, the E key and the desktop menu open the
 * dialog with the remembered settings, closing it remembers them through the host, and dropping files reopens an
 * exported moment (scenario, playhead, window), loads a scenario, or refuses an image TokenScope did not make. The
 * harness resets the view when a new scenario first renders, as the app does, so the window restored must survive it.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { ExportFeature } from '../../../renderer/export-dialog/ExportFeature.tsx';
import { useFileOpener } from '../../../renderer/export-dialog/use-file-opener.tsx';
import { exportSourceOf } from '../../../renderer/export-dialog/use-export-moment.ts';
import { exportFile, type ExportDeps } from '../../../shared/export/export-file.ts';
import { useTimelineStore } from '../../../renderer/state/use-timeline-store.ts';
import { fitAll, type TimeView } from '../../../shared/figure/time-view.ts';
import type { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import type { EngineClient } from '../../../renderer/bridge/engine-client.ts';
import type { HostServices } from '../../../renderer/host/host-services.ts';
import { DEFAULT_EXPORT_SETTINGS, type ExportMemory } from '../../../shared/export/export-types.ts';
import type { OpenScenarioResult } from '../../../shared/ipc/ipc-contract.ts';
import { exportDepsFromDisk, fakeHost, liveEngine, scenarioText, SIDE_BY_SIDE, type FakeHost } from './export-fixture.ts';

const H = 3_600_000;
const MOMENT_AT_MS = 2 * H;
const MOMENT_VIEW = { startMs: 0.5 * H, endMs: 3 * H };
let deps: ExportDeps;
/** A PNG exported from side-by-side at 2 h, window 30 m to 3 h. */
let exportedPng: Uint8Array;

beforeAll(async () => {
  deps = await exportDepsFromDisk();
  const { store } = await liveEngine(SIDE_BY_SIDE, MOMENT_AT_MS);
  const png = await exportFile(exportSourceOf(store.getSnapshot(), MOMENT_VIEW)!, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], scale: 1, widthPx: 800 }, deps);
  exportedPng = png.data as Uint8Array;
});

afterEach(() => cleanup());

interface HarnessProps {
  store: TimelineStore;
  client: EngineClient;
  host: HostServices;
}

/** What App does around the feature: the view state, reset to the whole run when a new scenario first renders, and the file opener. */
function Harness({ store, client, host }: HarnessProps) {
  const snapshot = useTimelineStore(store);
  const [view, setView] = useState<TimeView>({ startMs: 0, endMs: H });
  const key = snapshot.scenario ? `${snapshot.scenario.sourceName}:${snapshot.scenario.durationMs}` : '';
  const [viewKey, setViewKey] = useState<string | undefined>(undefined);
  if (viewKey !== key) {
    setViewKey(key);
    if (snapshot.scenario) setView(fitAll(snapshot.scenario.durationMs));
  }
  const opener = useFileOpener({ snapshot, client, host, onViewChange: setView, confirmReplace: async () => true });
  return createElement(
    'div',
    null,
    createElement('input', { 'data-testid': 'text-field', 'aria-label': 'some text' }),
    createElement(ExportFeature, { snapshot, host, view, loadDeps: () => Promise.resolve(deps), opener }),
    opener.view,
    createElement('output', { 'data-testid': 'view' }, `${view.startMs}-${view.endMs}`),
    createElement('output', { 'data-testid': 'now' }, String(snapshot.nowMs)),
  );
}

async function mount(options: { file?: string; atMs?: number; memory?: ExportMemory; openScenarioFile?: FakeHost['openScenarioFile'] } = {}) {
  const engine = await liveEngine(options.file ?? SIDE_BY_SIDE, options.atMs ?? 0);
  const host = fakeHost({ exportMemory: options.memory ?? null });
  if (options.openScenarioFile) host.openScenarioFile = options.openScenarioFile;
  render(createElement(Harness, { store: engine.store, client: engine.client, host }));
  await act(async () => undefined);
  return { ...engine, host };
}

function drop(files: File[]) {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
}

const fileOf = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name);

/** The dialog is loaded lazily: under load its first opening takes more than the default second. */
const LAZY = { timeout: 15_000 };

describe('ExportFeature', () => {
  it('opens the dialog with E, but not while E is typed into a field, and Esc closes it', async () => {
    await mount();
    fireEvent.keyDown(screen.getByTestId('text-field'), { key: 'e' });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'e' });
    });
    const dialog = await screen.findByTestId('export-dialog', undefined, LAZY);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
  });

  it('opens from the button, restores the remembered settings, and remembers the new ones when closed', async () => {
    const memory: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], theme: 'dark', widthPx: 1000 }, presets: [] };
    const { host } = await mount({ memory });
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-export'));
    });
    await screen.findByTestId('export-dialog', undefined, LAZY);
    expect(screen.getByTestId<HTMLInputElement>('export-theme-dark').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('export-width').value).toBe('1000');
    fireEvent.click(screen.getByTestId('export-theme-projector'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-close'));
    });
    expect(host.patches.at(-1)?.exportMemory?.last).toMatchObject({ theme: 'projector', widthPx: 1000 });
  });

  it('does not write the settings again when nothing changed', async () => {
    const memory: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [] };
    const { host } = await mount({ memory });
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-export'));
    });
    await act(async () => {
      fireEvent.click(await screen.findByTestId('export-close'));
    });
    expect(host.patches).toEqual([]);
  });

  it('opens on the desktop menu\'s Export', async () => {
    const { host } = await mount();
    await act(async () => host.menu('zoom-to-fit'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await act(async () => host.menu('export'));
    expect(await screen.findByTestId('export-dialog', undefined, LAZY)).toBeTruthy();
  });

  it('reopens a dropped PNG\'s moment: its scenario, its playhead and its window', async () => {
    const { client, store } = await mount({ file: 'assets/scenarios/kubelet-outage.yaml', atMs: 10 * 60_000 });
    const event = drop([fileOf(exportedPng, 'figure.png')]);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(screen.getByTestId('open-status').querySelector('p')?.textContent).toMatch(/Reopened figure\.png: One app, two clusters, six hours at 2 h 0 m 0 s, showing 30 m to 3 h\.$/));
    expect(store.getSnapshot().scenario?.scenarioText).toBe(scenarioText());
    expect(store.getSnapshot().nowMs).toBe(MOMENT_AT_MS);
    expect(screen.getByTestId('view').textContent).toBe(`${MOMENT_VIEW.startMs}-${MOMENT_VIEW.endMs}`);
    expect(client.sent).toEqual([
      { type: 'load', scenarioText: scenarioText(), sourceName: SIDE_BY_SIDE },
      { type: 'seek', simMs: MOMENT_AT_MS },
    ]);
  });

  it('says why when the engine fails while reopening a moment, instead of "Reopening…" for ever', async () => {
    const { store } = await mount({ file: 'assets/scenarios/kubelet-outage.yaml' });
    // The session steps the engine with advance (runUntil, which also builds the events it returns, is for other callers).
    const advance = Simulation.prototype.advance;
    const broken = vi.spyOn(Simulation.prototype, 'advance').mockImplementation(function (this: Simulation, targetMs: number, maxActions?: number) {
      if (this.scenario.name === 'side-by-side' && targetMs > H) throw new Error('invariant broken');
      return advance.call(this, targetMs, maxActions);
    });
    try {
      drop([fileOf(exportedPng, 'figure.png')]);
      await waitFor(() => expect(screen.getByTestId('open-status').textContent).toMatch(/figure\.png could not be opened: seek failed at .*: invariant broken\./));
      expect(store.getSnapshot().working).toBeUndefined();
    } finally {
      broken.mockRestore();
    }
  });

  it('refuses a dropped PNG without a moment, says why, and changes nothing', async () => {
    const { client, store } = await mount({ atMs: H });
    const plain = await deps.rasterizer.toPng('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>', 1);
    drop([fileOf(plain, 'cat.png')]);
    const alert = await screen.findByText(/cat\.png: this image was not exported by TokenScope/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(alert.textContent).toMatch(/Nothing was changed\.$/);
    expect(client.sent).toEqual([]);
    expect(store.getSnapshot().nowMs).toBe(H);
  });

  it('loads a dropped scenario file', async () => {
    const { client, store } = await mount({ file: 'assets/scenarios/kubelet-outage.yaml' });
    drop([fileOf(scenarioText(), 'side-by-side.yaml')]);
    await waitFor(() => expect(screen.getByTestId('open-status').querySelector('p')?.textContent).toBe('Opened side-by-side.yaml.'));
    expect(client.sent).toEqual([{ type: 'load', scenarioText: scenarioText(), sourceName: 'side-by-side.yaml' }]);
    expect(store.getSnapshot().scenario?.sourceName).toBe('side-by-side.yaml');
  });

  it('says so when the scenario in a dropped file does not load, and keeps the current one', async () => {
    const { store } = await mount();
    const before = store.getSnapshot().scenario;
    drop([fileOf('name: broken\nseed: x\n', 'broken.yaml')]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/broken\.yaml could not be loaded \(line \d[^)]*\).*The current scenario is unchanged\./), { timeout: 15_000 });
    expect(store.getSnapshot().scenario).toBe(before);
  });

  it('opens an exported image through the desktop\'s Open dialog from the export dialog', async () => {
    const openScenarioFile = async (): Promise<{ ok: true; value: OpenScenarioResult }> => ({ ok: true, value: { canceled: false, sourceName: 'slide.png', imageBytes: exportedPng } });
    const { store } = await mount({ file: 'assets/scenarios/kubelet-outage.yaml', openScenarioFile });
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-export'));
    });
    await act(async () => {
      fireEvent.click(await screen.findByTestId('export-open-file', {}, { timeout: 15_000 }));
    });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await waitFor(() => expect(store.getSnapshot().nowMs).toBe(MOMENT_AT_MS));
    await waitFor(() => expect(screen.getByTestId('view').textContent).toBe(`${MOMENT_VIEW.startMs}-${MOMENT_VIEW.endMs}`));
  });
});
