// @vitest-environment jsdom
/**
 * Notes from the keyboard: a request opens the form at the playhead with focus in it, Enter adds the note (the engine
 * rewrites the scenario text, and the store takes it from the engine's answer), a bad time is refused in the form with
 * nothing changed, E edits and Delete removes a focused note, and Esc cancels the form. A note that a load of another
 * scenario overtook on its way to the engine stays in the form, with the reason, and is not put in the other scenario.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import type { EngineClient } from '../../../renderer/bridge/engine-client.ts';
import type { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { ScenarioEdits } from '../../../renderer/state/scenario-edits.ts';
import { AnnotationsPanel, type AnnotationRequest } from '../../../renderer/presentation/AnnotationsPanel.tsx';
import { builtinScenario } from '../../support/scenario-snapshot.ts';
import { loadedEngine } from '../../support/in-process-engine.ts';

afterEach(cleanup);
const H = 3_600_000;

/** `overtakeWith`: a scenario the engine loads just before it gets each edit (Open… finishing meanwhile). */
async function setup(request?: AnnotationRequest, overtakeWith?: string) {
  const { store, client, session } = await loadedEngine(builtinScenario('side-by-side'));
  const engine: Pick<EngineClient, 'request'> =
    overtakeWith === undefined
      ? client
      : {
          request: async (command) => {
            await session.handle({ type: 'load', scenarioText: overtakeWith, sourceName: 'other.yaml' });
            return client.request(command);
          },
        };
  const edits = new ScenarioEdits(store, engine);
  const onSeek = vi.fn();
  const onUndo = () => void edits.undo();
  const props = () => ({ scenario: store.getSnapshot().scenario!, edits, onUndo, nowMs: 48 * 60_000 + 400, view: { startMs: H, endMs: 2 * H }, request, onSeek, compact: true });
  const view = render(createElement(AnnotationsPanel, props()));
  store.subscribe(() => view.rerender(createElement(AnnotationsPanel, props())));
  return { store, edits, onSeek, view };
}

const notesInText = (store: TimelineStore) => {
  const parsed = parseScenario(store.getSnapshot().scenario!.scenarioText);
  if (!parsed.ok) throw new Error('the rewritten scenario no longer parses');
  return parsed.value.annotations;
};

describe('AnnotationsPanel', () => {
  it('shows nothing in presentation mode until there is a note or a request', async () => {
    await setup();
    expect(screen.queryByTestId('annotations')).toBeNull();
  });

  it('adds a note at the playhead from the keyboard, into the scenario text and the store', async () => {
    const { store } = await setup({ id: 1, kind: 'playhead' });
    const text = screen.getByTestId('annotation-text');
    expect(document.activeElement).toBe(text);
    expect(screen.getByTestId<HTMLInputElement>('annotation-from').value).toBe('48m');
    fireEvent.change(text, { target: { value: 'here the kubelet refreshes' } });
    await act(async () => fireEvent.submit(text.closest('form')!));
    await waitFor(() => expect(store.getSnapshot().scenario!.annotations).toEqual([{ atMs: 48 * 60_000, text: 'here the kubelet refreshes' }]));
    expect(notesInText(store)).toEqual([{ atMs: 48 * 60_000, text: 'here the kubelet refreshes' }]);
    expect(screen.getByTestId('annotation-item').textContent).toContain('here the kubelet refreshes');
    await waitFor(() => expect(screen.queryByTestId('annotation-form')).toBeNull());
  });

  it('opens over the visible window for a range request, and refuses a bad end in the form', async () => {
    const { store } = await setup({ id: 1, kind: 'window' });
    expect(screen.getByTestId<HTMLInputElement>('annotation-from').value).toBe('1h');
    expect(screen.getByTestId<HTMLInputElement>('annotation-until').value).toBe('2h');
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'stolen copy still works' } });
    fireEvent.change(screen.getByTestId('annotation-until'), { target: { value: '30m' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    expect(screen.getByRole('alert').textContent).toMatch(/after its start/);
    expect(screen.getByTestId('annotation-until').getAttribute('aria-invalid')).toBe('true');
    expect(store.getSnapshot().scenario!.annotations).toEqual([]);
  });

  it('edits with E, deletes with Delete, and cancels with Esc', async () => {
    const { store } = await setup({ id: 1, kind: 'playhead' });
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'first' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    const item = await screen.findByTestId('annotation-item');
    await waitFor(() => expect(screen.queryByTestId('annotation-form')).toBeNull());
    fireEvent.keyDown(item.querySelector('button')!, { key: 'e' });
    expect(screen.getByTestId<HTMLInputElement>('annotation-text').value).toBe('first');
    fireEvent.keyDown(screen.getByTestId('annotation-text'), { key: 'Escape' });
    expect(screen.queryByTestId('annotation-form')).toBeNull();
    fireEvent.keyDown(screen.getByTestId('annotation-item').querySelector('button')!, { key: 'e' });
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'second' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    await waitFor(() => expect(store.getSnapshot().scenario!.annotations.map((a) => a.text)).toEqual(['second']));
    await act(async () => fireEvent.keyDown(screen.getByTestId('annotation-item').querySelector('button')!, { key: 'Delete' }));
    await waitFor(() => expect(store.getSnapshot().scenario!.annotations).toEqual([]));
    expect(notesInText(store)).toEqual([]);
  });

  it('jumps the playhead to a note', async () => {
    const { onSeek } = await setup({ id: 1, kind: 'playhead' });
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'here' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    fireEvent.click((await screen.findByTestId('annotation-item')).querySelector('button')!);
    expect(onSeek).toHaveBeenCalledWith(48 * 60_000);
  });

  it('brings a deleted note back from the Undo beside the line that says it went', async () => {
    const { store, edits } = await setup({ id: 1, kind: 'playhead' });
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'keep me' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    const item = await screen.findByTestId('annotation-item');
    const added = store.getSnapshot().scenario!.scenarioText;
    await act(async () => fireEvent.keyDown(item, { key: 'Delete' }));
    await waitFor(() => expect(store.getSnapshot().scenario!.annotations).toEqual([]));
    expect((await screen.findByTestId('note-deleted')).textContent).toContain('Deleted “keep me”.');
    expect(edits.getState().undoLabel).toBe('deleting the note at 48 m 0 s');
    await act(async () => fireEvent.click(screen.getByTestId('note-undo')));
    await waitFor(() => expect(store.getSnapshot().scenario!.annotations).toEqual([{ atMs: 48 * 60_000, text: 'keep me' }]));
    expect(store.getSnapshot().scenario!.scenarioText).toBe(added);
    expect(screen.queryByTestId('note-deleted')).toBeNull();
  });

  it('keeps a note in the form, with the reason, when a load replaced its scenario before the engine got it', async () => {
    const other = builtinScenario('kubelet-outage');
    const { store } = await setup({ id: 1, kind: 'playhead' }, other);
    fireEvent.change(screen.getByTestId('annotation-text'), { target: { value: 'meant for side-by-side' } });
    await act(async () => fireEvent.submit(screen.getByTestId('annotation-form')));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/has since been replaced by .*, so the edit was not applied/));
    expect(screen.getByTestId<HTMLInputElement>('annotation-text').value).toBe('meant for side-by-side');
    expect(store.getSnapshot().scenario).toMatchObject({ sourceName: 'other.yaml', scenarioText: other });
  });
});
