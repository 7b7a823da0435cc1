// @vitest-environment jsdom
/**
 * The export dialog in jsdom, over the side-by-side scenario at 2 h with the real exporters, font and rasteriser,
 * and a host that records what it is asked: the size shown before export, presets applied, saved and deleted,
 * remembered settings restored, the caption as edited reaching the file, the flows, lanes and window reaching
 * exportFile's settings, save, copy and the event log, and failures said in the alert line.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as exportFileModule from '../../../shared/export/export-file.ts';
import type { ExportDeps } from '../../../shared/export/export-file.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import { exportSize } from '../../../shared/export/export-figure.ts';
import { ExportDialog, type ExportDialogProps } from '../../../renderer/export-dialog/ExportDialog.tsx';
import { exportSourceOf } from '../../../renderer/export-dialog/use-export-moment.ts';
import { BUILTIN_EXPORT_PRESETS, DEFAULT_EXPORT_SETTINGS, type ExportMemory, type ExportSettings } from '../../../shared/export/export-types.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { exportDepsFromDisk, fakeHost, liveEngine, type FakeHost } from './export-fixture.ts';

vi.mock('../../../shared/export/export-file.ts', async (importOriginal) => {
  const original = await importOriginal<typeof exportFileModule>();
  return { ...original, exportFile: vi.fn(original.exportFile) };
});

const H = 3_600_000;
const AT_MS = 2 * H;
const VIEW = { startMs: 0.5 * H, endMs: 3 * H };
let deps: ExportDeps;
let source: ExportSource;
let host: FakeHost;
let remembered: ExportMemory[];
let closedWith: ExportMemory[];

beforeAll(async () => {
  deps = await exportDepsFromDisk();
  const { store } = await liveEngine(undefined, AT_MS);
  source = exportSourceOf(store.getSnapshot(), VIEW)!;
});

beforeEach(() => {
  host = fakeHost();
  remembered = [];
  closedWith = [];
  vi.mocked(exportFileModule.exportFile).mockClear();
});

afterEach(() => cleanup());

function open(props: Partial<ExportDialogProps> = {}) {
  return render(
    createElement(ExportDialog, {
      source,
      memory: null,
      host,
      loadDeps: () => Promise.resolve(deps),
      onRemember: async (memory) => void remembered.push(memory),
      onClose: (memory) => void closedWith.push(memory),
      onOpenFile: () => undefined,
      ...props,
    }),
  );
}

const byId = (id: string) => screen.getByTestId(id);
const sizeShown = () => byId('export-size').textContent;
const size = (settings: Partial<ExportSettings>) => {
  const s = exportSize(source, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], ...settings });
  return `${s.widthPx} × ${s.heightPx} px`;
};
const lastExportCall = () => {
  const calls = vi.mocked(exportFileModule.exportFile).mock.calls;
  const call = calls[calls.length - 1];
  if (!call) throw new Error('exportFile was not called');
  return { settings: call[1], options: call[3] };
};
const status = () => byId('export-status').textContent;
const alert = () => byId('export-alert').textContent;

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(byId(testId));
  });
}

describe('ExportDialog', () => {
  it('is a labelled modal dialog that opens on the preset picker and names the moment', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Export the timeline' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(byId('export-preset'));
    expect(byId('export-moment').textContent).toMatch(/One app, two clusters, six hours at 2 h 0 m 0 s/);
  });

  it('shows the output size before exporting, and follows the scale, the width and the format', async () => {
    open();
    await waitFor(() => expect(sizeShown()).toBe(`${size({ scale: 2 })}, PNG`));
    fireEvent.click(byId('export-scale-4'));
    await waitFor(() => expect(sizeShown()).toBe(`${size({ scale: 4 })}, PNG`));
    fireEvent.change(byId('export-width'), { target: { value: '960' } });
    await waitFor(() => expect(sizeShown()).toBe(`${size({ scale: 4, widthPx: 960 })}, PNG`));
    fireEvent.click(byId('export-format-svg'));
    await waitFor(() => expect(sizeShown()).toBe(`${size({ format: 'svg', widthPx: 960 })}, SVG`));
    expect(sizeShown()).toMatch(/^960 × \d+ px, SVG$/);
  });

  it('refuses a width out of range with a sentence, and cannot export until it is fixed', async () => {
    open();
    await waitFor(() => expect((byId('export-caption') as HTMLTextAreaElement).value).not.toBe(''));
    const caption = (byId('export-caption') as HTMLTextAreaElement).value;
    fireEvent.change(byId('export-width'), { target: { value: '5000' } });
    await waitFor(() => expect(sizeShown()).toBe('Size unknown until the settings are fixed'));
    expect((byId('export-caption') as HTMLTextAreaElement).value).toBe(caption);
    expect(byId('export-width').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/whole number of pixels from 640 to 3840/)).toBeTruthy();
    expect((byId('export-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(byId('export-width'), { target: { value: '1200' } });
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
  });

  it('applies a built-in preset: its theme, width, page, lanes and background', async () => {
    open();
    fireEvent.change(byId('export-preset'), { target: { value: 'builtin:Slides 16:9' } });
    expect((byId('export-theme-projector') as HTMLInputElement).checked).toBe(true);
    // A slide keeps the main story: no kubectl commands, no other Secrets.
    expect((byId('export-lane-kubectl') as HTMLInputElement).checked).toBe(false);
    expect((byId('export-lane-secrets') as HTMLInputElement).checked).toBe(false);
    expect((byId('export-lane-attacker') as HTMLInputElement).checked).toBe(true);
    expect((byId('export-width') as HTMLInputElement).value).toBe('1920');
    expect((byId('export-aspect-16-9') as HTMLInputElement).checked).toBe(true);
    // A slide is 16:9 whatever the lanes need: the figure is fitted into the page.
    await waitFor(() => expect(sizeShown()).toBe('3840 × 2160 px, PNG'));
    fireEvent.change(byId('export-width'), { target: { value: '1280' } });
    await waitFor(() => expect(sizeShown()).toBe('2560 × 1440 px, PNG'));
    fireEvent.click(byId('export-aspect-fit'));
    await waitFor(() => expect(sizeShown()).toBe(`${size({ theme: 'projector', widthPx: 1280, scale: 2, hiddenLanes: ['kubectl', 'secrets'] })}, PNG`));
    fireEvent.change(byId('export-preset'), { target: { value: 'builtin:Docs, 2×, transparent' } });
    expect((byId('export-background-transparent') as HTMLInputElement).checked).toBe(true);
  });

  it('saves the current settings as a named preset, remembers it, and deletes it again', async () => {
    open();
    fireEvent.click(byId('export-theme-dark'));
    fireEvent.click(byId('export-save-preset'));
    fireEvent.change(byId('export-preset-name'), { target: { value: 'Dark handout' } });
    await act(async () => {
      fireEvent.keyDown(byId('export-preset-name'), { key: 'Enter' });
    });
    expect(remembered.at(-1)?.presets).toEqual([{ name: 'Dark handout', settings: expect.objectContaining({ theme: 'dark' }) }]);
    expect((byId('export-preset') as HTMLSelectElement).value).toBe('user:Dark handout');
    expect(status()).toMatch(/Preset "Dark handout" saved/);
    await click('export-delete-preset');
    expect(remembered.at(-1)?.presets).toEqual([]);
    expect((byId('export-preset') as HTMLSelectElement).value).toBe('custom');
  });

  it('refuses a built-in preset\'s name, and Esc in the name field cancels it without closing the dialog', () => {
    open();
    fireEvent.click(byId('export-save-preset'));
    fireEvent.change(byId('export-preset-name'), { target: { value: 'Slides 16:9' } });
    fireEvent.click(byId('export-preset-confirm'));
    expect(screen.getByText(/is the name of a built-in preset/)).toBeTruthy();
    fireEvent.keyDown(byId('export-preset-name'), { key: 'Escape' });
    expect(screen.queryByTestId('export-preset-name')).toBeNull();
    expect(closedWith).toEqual([]);
  });

  it('restores the remembered settings and the user\'s presets', () => {
    const mine = { name: 'Wide dark', settings: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], theme: 'dark' as const, widthPx: 2400 } };
    const last: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, format: 'svg', theme: 'projector', widthPx: 1000, hiddenLanes: ['kubectl'], legend: false, fromMs: H, toMs: 2 * H, flows: ['projected'] };
    open({ memory: { last, presets: [mine] } });
    expect((byId('export-format-svg') as HTMLInputElement).checked).toBe(true);
    expect((byId('export-theme-projector') as HTMLInputElement).checked).toBe(true);
    expect((byId('export-width') as HTMLInputElement).value).toBe('1000');
    expect((byId('export-lane-kubectl') as HTMLInputElement).checked).toBe(false);
    expect((byId('export-legend') as HTMLInputElement).checked).toBe(false);
    expect((byId('export-window-range') as HTMLInputElement).checked).toBe(true);
    expect((byId('export-from') as HTMLInputElement).value).toBe('1h');
    expect((byId('export-flow-legacy') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('option', { name: 'Wide dark' })).toBeTruthy();
  });

  it('hands exportFile the flows, lanes and window chosen, and the caption and alt text as edited', async () => {
    open();
    fireEvent.click(byId('export-flow-legacy'));
    fireEvent.click(byId('export-lane-attacker'));
    fireEvent.click(byId('export-annotations'));
    fireEvent.click(byId('export-window-range'));
    fireEvent.change(byId('export-from'), { target: { value: '30m' } });
    fireEvent.change(byId('export-to'), { target: { value: '2h' } });
    fireEvent.click(byId('export-format-svg'));
    await waitFor(() => expect((byId('export-caption') as HTMLTextAreaElement).value).not.toBe(''));
    fireEvent.change(byId('export-caption'), { target: { value: 'Rotation under a minute, by hand' } });
    fireEvent.change(byId('export-alt'), { target: { value: 'An alt text written by the instructor.' } });
    await click('export-save');
    await waitFor(() => expect(host.saved).toHaveLength(1));
    const { settings, options } = lastExportCall();
    expect(settings).toMatchObject({ format: 'svg', flows: ['projected'], hiddenLanes: ['attacker'], annotations: false, fromMs: 0.5 * H, toMs: 2 * H });
    expect(options?.text).toEqual({ caption: 'Rotation under a minute, by hand', altText: 'An alt text written by the instructor.' });
    const svg = host.saved[0]!.data as string;
    expect(svg).toContain('<title>Rotation under a minute, by hand</title>');
    expect(svg).toContain('An alt text written by the instructor.');
    expect(host.saved[0]).toMatchObject({ mimeType: 'image/svg+xml', suggestedName: expect.stringMatching(/\.svg$/) });
  });

  it('takes the view on screen for "the current view"', async () => {
    open();
    fireEvent.click(byId('export-window-view'));
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
    await click('export-copy-svg');
    await waitFor(() => expect(host.copied).toHaveLength(1));
    expect(lastExportCall().settings).toMatchObject({ fromMs: VIEW.startMs, toMs: VIEW.endMs });
  });

  it('saves a PNG that carries the moment, says where, and remembers the settings', async () => {
    open();
    fireEvent.click(byId('export-scale-1'));
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
    await click('export-save');
    await waitFor(() => expect(status()).toMatch(/Saved the PNG \(\d+ × \d+ px\): \/home\/user\/.+\.png/));
    const png = host.saved[0]!;
    expect(png.mimeType).toBe('image/png');
    const moment = readEmbeddedMoment(png.data as Uint8Array, png.suggestedName);
    expect(moment.ok && moment.value).toMatchObject({ playheadMs: AT_MS, view: VIEW });
    expect(remembered.at(-1)?.last).toMatchObject({ format: 'png', scale: 1 });
  });

  it('copies a PNG and an SVG to the clipboard through the host', async () => {
    open();
    await waitFor(() => expect((byId('export-copy-png') as HTMLButtonElement).disabled).toBe(false));
    await click('export-copy-png');
    await waitFor(() => expect(status()).toMatch(/Copied the PNG to the clipboard/));
    await click('export-copy-svg');
    await waitFor(() => expect(status()).toMatch(/Copied the SVG to the clipboard/));
    expect(host.copied.map((c) => c.mimeType)).toEqual(['image/png', 'image/svg+xml']);
    expect(Array.from((host.copied[0]!.data as Uint8Array).slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(host.copied[1]!.data).toMatch(/^<\?xml/);
  });

  it('saves the event log as CSV and JSON, of the flows chosen', async () => {
    open();
    fireEvent.click(byId('export-flow-legacy'));
    await click('export-events-csv');
    await waitFor(() => expect(host.saved).toHaveLength(1));
    await click('export-events-json');
    await waitFor(() => expect(host.saved).toHaveLength(2));
    const [csv, json] = host.saved;
    expect(csv).toMatchObject({ mimeType: 'text/csv', suggestedName: expect.stringMatching(/-events\.csv$/) });
    expect((csv!.data as string).split('\r\n')[0]).toBe('seq,atMs,time,flow,type,token,pod,serviceAccount,actor,message,cause');
    const events = (JSON.parse(json!.data as string) as { events: { flow: string }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.flow))).toEqual(new Set(['projected']));
  });

  it('says in the alert line when the exporter cannot load, and saves nothing', async () => {
    open({ loadDeps: () => Promise.reject(new Error('could not load the PNG renderer (404 Not Found)')) });
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
    await click('export-save');
    await waitFor(() => expect(alert()).toMatch(/The exporter could not be loaded, so nothing was made: could not load the PNG renderer \(404 Not Found\)/));
    expect(host.saved).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(alert());
  });

  it('says when the host could not save or copy, and when the user closed the save dialog', async () => {
    open();
    fireEvent.click(byId('export-format-svg'));
    host.saveAnswer = { saved: false, canceled: false, error: 'disk full' };
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
    await click('export-save');
    await waitFor(() => expect(alert()).toBe('The SVG was not saved: disk full'));
    host.saveAnswer = { saved: false, canceled: true };
    await click('export-save');
    await waitFor(() => expect(status()).toMatch(/not saved: the save dialog was closed/));
    expect(alert()).toBe('');
    host.copyAnswer = { ok: false, error: 'this browser cannot put images on the clipboard; save the PNG instead' };
    await click('export-copy-png');
    await waitFor(() => expect(alert()).toMatch(/The PNG was not copied: this browser cannot put images/));
  });

  it('copies the caption and the alt text as text, and says where a format keeps them', async () => {
    open();
    await waitFor(() => expect((byId('export-caption') as HTMLTextAreaElement).value).not.toBe(''));
    expect(byId('export-text-where').textContent).toMatch(/The PNG carries them as its Title and Description/);
    fireEvent.change(byId('export-alt'), { target: { value: 'Edited alt text.' } });
    await click('export-alt-copy');
    await waitFor(() => expect(status()).toMatch(/Copied the alt text\./));
    expect(host.copied).toEqual([{ mimeType: 'text/plain', data: 'Edited alt text.' }]);
    fireEvent.click(byId('export-alt-reset'));
    expect((byId('export-alt') as HTMLTextAreaElement).value).not.toBe('Edited alt text.');
    fireEvent.click(byId('export-format-svg'));
    expect(byId('export-text-where').textContent).toMatch(/title and description/);
  });

  it('keeps how the export went in view when its settings cannot be remembered', async () => {
    open({ onRemember: () => Promise.reject(new Error('the settings file is read-only')) });
    fireEvent.click(byId('export-format-svg'));
    await waitFor(() => expect((byId('export-save') as HTMLButtonElement).disabled).toBe(false));
    await click('export-save');
    await waitFor(() => expect(alert()).toBe('Your export settings could not be remembered: the settings file is read-only'));
    expect(status()).toMatch(/Saved the SVG/);
  });

  it('closes on Esc and hands back what to remember', () => {
    open();
    fireEvent.click(byId('export-theme-dark'));
    fireEvent.keyDown(byId('export-theme-dark'), { key: 'Escape' });
    expect(closedWith).toHaveLength(1);
    expect(closedWith[0]!.last.theme).toBe('dark');
  });

  it('keeps the app\'s own shortcuts out while it is open', () => {
    open();
    const seen: string[] = [];
    const onKey = (e: KeyboardEvent) => seen.push(e.key);
    window.addEventListener('keydown', onKey);
    try {
      fireEvent.keyDown(byId('export-format-png'), { key: ' ' });
      fireEvent.keyDown(byId('export-format-png'), { key: '?' });
      fireEvent.keyDown(byId('export-format-png'), { key: 'Tab' });
    } finally {
      window.removeEventListener('keydown', onKey);
    }
    expect(seen).toEqual(['Tab']);
  });

  it('matches the built-in presets it offers', () => {
    open();
    const offered = Array.from((byId('export-preset') as HTMLSelectElement).querySelectorAll('optgroup[label="Built-in"] option')).map((o) => o.textContent);
    expect(offered).toEqual(BUILTIN_EXPORT_PRESETS.map((p) => p.name));
  });
});
