// @vitest-environment jsdom
/**
 * Copy link in the export dialog: in the browser build it copies a link to the moment the dialog froze (the same
 * moment the exported image carries), shows it, and for a link too long for a chat offers the scenario file and the
 * dialog's own image export; the desktop, which has no web address for a link, shows no such button.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDeps } from '../../../shared/export/export-file.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import { ExportDialog } from '../../../renderer/export-dialog/ExportDialog.tsx';
import { exportSourceOf } from '../../../renderer/export-dialog/use-export-moment.ts';
import { readMomentFragment } from '../../../shared/export/moment-link.ts';
import { exportDepsFromDisk, fakeHost, liveEngine, type FakeHost } from '../export-dialog/export-fixture.ts';
import { noiseText } from '../../support/noise-text.ts';

const H = 3_600_000;
const VIEW = { startMs: 0.5 * H, endMs: 3 * H };
let deps: ExportDeps;
let source: ExportSource;

beforeAll(async () => {
  deps = await exportDepsFromDisk();
  const { store } = await liveEngine(undefined, 2 * H);
  source = exportSourceOf(store.getSnapshot(), VIEW)!;
});

afterEach(() => cleanup());

function open(host: FakeHost, shown: ExportSource = source) {
  render(
    createElement(ExportDialog, {
      source: shown,
      memory: null,
      host,
      loadDeps: () => Promise.resolve(deps),
      onRemember: async () => undefined,
      onClose: () => undefined,
      onOpenFile: () => undefined,
    }),
  );
}

describe('Copy link in the export dialog', () => {
  it('copies and shows a link to the moment the dialog exports', async () => {
    const host = fakeHost();
    open(host);
    await act(async () => screen.getByTestId('export-copy-link').click());
    await waitFor(() => expect(host.copied).toHaveLength(1));
    const link = host.copied[0]!.data as string;
    expect(host.copied[0]!.mimeType).toBe('text/plain');
    expect(screen.getByTestId<HTMLInputElement>('share-link-text').value).toBe(link);
    expect(screen.getByTestId('share-link-outcome').textContent).toMatch(/^Link copied \(\d+ kB\)/);
    expect(readMomentFragment(new URL(link).hash)).toEqual({ kind: 'moment', moment: source.moment });
  });

  it('offers the scenario file and the image instead of a link too long for a chat', async () => {
    const host = fakeHost();
    const noise = noiseText(11, 12_000);
    open(host, { ...source, moment: { ...source.moment, scenarioText: `${source.moment.scenarioText}\n# ${noise}\n` } });
    await act(async () => screen.getByTestId('export-copy-link').click());
    expect(screen.getByTestId('share-link-outcome').dataset.outcome).toBe('too-long');
    expect(host.copied).toEqual([]);
    expect(screen.getByTestId('share-save-image').textContent).toBe('Save PNG instead…');
    await act(async () => screen.getByTestId('share-save-scenario').click());
    await waitFor(() => expect(screen.getByTestId('share-saved').textContent).toMatch(/^Scenario saved: \/home\/user\/side-by-side\.yaml$/));
    expect(host.saved[0]).toMatchObject({ mimeType: 'application/yaml', data: expect.stringContaining(noise) });
  });

  it('is not offered on the desktop', () => {
    open({ ...fakeHost(), kind: 'desktop' });
    expect(screen.queryByTestId('export-copy-link')).toBeNull();
  });
});
