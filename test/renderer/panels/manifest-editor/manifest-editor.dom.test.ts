// @vitest-environment jsdom
/**
 * The manifest editor in jsdom with a fake engine client: Apply sends the text to the chosen flow, a refused apply
 * shows kubectl's output and each error as a link to its line, and the line is marked in the editor; an error of
 * the YAML parser is marked as the text is checked; the console's `apply -f` results show here when the app hands
 * them in, and an apply-result the editor did not ask for is not shown; templates replace the text and report it
 * through onBufferChange.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManifestEditor } from '../../../../renderer/panels/manifest-editor/ManifestEditor.tsx';
import { DEFAULT_TEMPLATE, MANIFEST_TEMPLATES } from '../../../../renderer/panels/manifest-editor/manifest-templates.ts';
import { withRequests, type EngineClient } from '../../../../renderer/bridge/engine-client.ts';
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';

type ApplyResult = Extract<EngineMessage, { type: 'apply-result' }>;

beforeAll(() => {
  // jsdom has no layout; CodeMirror measures text ranges, which only need to answer.
  const empty = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] } as unknown as DOMRectList;
  Range.prototype.getClientRects = () => empty;
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
});

afterEach(cleanup);

function fakeClient() {
  const listeners = new Set<(message: EngineMessage) => void>();
  const sent: EngineCommand[] = [];
  const client: EngineClient = withRequests({
    send: (command) => sent.push(command),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (message: EngineMessage) => act(() => listeners.forEach((listener) => listener(message)));
  /** Presses Apply and answers that request with `reply`. */
  const applyAndAnswer = async (reply: Omit<ApplyResult, 'type' | 'requestId'>) => {
    fireEvent.click(screen.getByRole('button', { name: /^Apply to / }));
    const request = sent.at(-1) as Extract<EngineCommand, { type: 'apply' }>;
    emit({ type: 'apply-result', requestId: request.requestId, ...reply });
    // The editor shows the reply once its request's promise has settled.
    await act(async () => undefined);
  };
  return { client, sent, emit, applyAndAnswer };
}

/** The 300-second projected Pod the lesson warns about; its expirationSeconds is on line 16. */
const SHORT_TOKEN_POD = DEFAULT_TEMPLATE.text.replace('expirationSeconds: 3600', 'expirationSeconds: 300');
const SHORT_TOKEN_LINE = SHORT_TOKEN_POD.split('\n').findIndex((line) => line.includes('expirationSeconds')) + 1;
const SERVER_MESSAGE =
  'Pod "projected-pod" is invalid: spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes';

function editorLines(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.cm-content .cm-line')];
}

function markedLineNumbers(): number[] {
  return editorLines().flatMap((line, index) => (line.classList.contains('cm-problem-line') ? [index + 1] : []));
}

function editorText(): string {
  return editorLines()
    .map((line) => line.textContent)
    .join('\n');
}

describe('ManifestEditor', () => {
  it('starts with the projected-token Pod and reports it as the buffer', () => {
    const onBufferChange = vi.fn();
    render(createElement(ManifestEditor, { client: fakeClient().client, flowId: 'projected', onBufferChange }));
    expect(editorText()).toBe(DEFAULT_TEMPLATE.text);
    expect(onBufferChange).toHaveBeenLastCalledWith(DEFAULT_TEMPLATE.text);
    expect(screen.getByRole('textbox', { name: 'Manifest (YAML)' })).toBeTruthy();
  });

  it('sends the text to the chosen flow when Apply is pressed', () => {
    const { client, sent } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'projected', initialText: SHORT_TOKEN_POD }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply to projected' }));
    expect(sent).toEqual([{ type: 'apply', flow: 'projected', manifest: SHORT_TOKEN_POD, requestId: expect.any(Number) }]);
    expect(screen.getByTestId('manifest-result').textContent).toBe('Applying to projected…');
  });

  it('applies with Ctrl+Enter from inside the editor, without inserting a line', () => {
    const { client, sent } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'legacy' }));
    const content = screen.getByRole('textbox', { name: 'Manifest (YAML)' });
    fireEvent.keyDown(content, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });
    expect(sent).toEqual([{ type: 'apply', flow: 'legacy', manifest: DEFAULT_TEMPLATE.text, requestId: expect.any(Number) }]);
  });

  it('shows a refusal under the editor and marks the offending line in it', async () => {
    const { client, sent, emit } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'projected', initialText: SHORT_TOKEN_POD }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply to projected' }));
    const requestId = (sent[0] as Extract<EngineCommand, { type: 'apply' }>).requestId;
    emit({
      type: 'apply-result',
      requestId,
      flow: 'projected',
      ok: false,
      output: `Error from server (Invalid): error when creating: ${SERVER_MESSAGE}`,
      errors: [{ message: SERVER_MESSAGE, line: SHORT_TOKEN_LINE, column: 34 }],
    });
    // The editor stops waiting when its request's promise settles, a moment after the reply is shown.
    await waitFor(() => expect(within(screen.getByTestId('manifest-result')).getByText('Refused')).toBeTruthy());
    const result = screen.getByTestId('manifest-result');
    expect(result.querySelector('pre')?.textContent).toBe(`Error from server (Invalid): error when creating: ${SERVER_MESSAGE}`);
    // The output already quotes the message, so the error's entry only points at its line.
    expect(within(result).getByRole('listitem').textContent).toBe(`Line ${SHORT_TOKEN_LINE}(the error above, marked in the editor)`);
    await waitFor(() => expect(markedLineNumbers()).toEqual([SHORT_TOKEN_LINE]));
    expect(editorLines()[SHORT_TOKEN_LINE - 1]?.textContent?.trim()).toBe('expirationSeconds: 300');
    // The lint mark starts at the column given: the value.
    expect(editorLines()[SHORT_TOKEN_LINE - 1]?.querySelector('.cm-lintRange-error')?.textContent).toBe('300');
  });

  it('clears the marks when the next apply succeeds', async () => {
    const { client, applyAndAnswer } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'projected', initialText: SHORT_TOKEN_POD }));
    await applyAndAnswer({ flow: 'projected', ok: false, output: 'x', errors: [{ message: SERVER_MESSAGE, line: SHORT_TOKEN_LINE }] });
    await waitFor(() => expect(markedLineNumbers()).toEqual([SHORT_TOKEN_LINE]));
    await applyAndAnswer({ flow: 'projected', ok: true, output: 'pod/projected-pod created', errors: [] });
    await waitFor(() => expect(markedLineNumbers()).toEqual([]));
    expect(within(screen.getByTestId('manifest-result')).getByText('Applied')).toBeTruthy();
  });

  it('shows only the answer to its own request, not an apply-result someone else asked for', async () => {
    const { client, emit, applyAndAnswer } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'projected', initialText: SHORT_TOKEN_POD }));
    emit({ type: 'apply-result', requestId: 987_654, flow: 'projected', ok: false, output: 'not mine', errors: [{ message: SERVER_MESSAGE, line: SHORT_TOKEN_LINE }] });
    expect(screen.getByTestId('manifest-result').textContent).toBe('');
    expect(markedLineNumbers()).toEqual([]);
    await applyAndAnswer({ flow: 'projected', ok: true, output: 'pod/projected-pod created', errors: [] });
    await waitFor(() => expect(within(screen.getByTestId('manifest-result')).getByText('Applied')).toBeTruthy());
  });

  it("shows the results of the console's apply -f that the app hands in (it applies this same text)", async () => {
    const { client } = fakeClient();
    const consoleApply: ApplyResult = { type: 'apply-result', requestId: 987_654, flow: 'projected', ok: false, output: 'refused', errors: [{ message: SERVER_MESSAGE, line: SHORT_TOKEN_LINE, column: 34 }] };
    const view = render(createElement(ManifestEditor, { client, flowId: 'legacy', initialText: SHORT_TOKEN_POD }));
    view.rerender(createElement(ManifestEditor, { client, flowId: 'legacy', initialText: SHORT_TOKEN_POD, consoleApply }));
    const result = screen.getByTestId('manifest-result');
    expect(result.textContent).toContain('Refused on projected');
    expect(within(result).getByRole('listitem').textContent).toBe(`Line ${SHORT_TOKEN_LINE}${SERVER_MESSAGE}`);
    await waitFor(() => expect(markedLineNumbers()).toEqual([SHORT_TOKEN_LINE]));
  });

  it('moves the cursor to the line of an error when its link is pressed', async () => {
    const { client, applyAndAnswer } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: 'projected', initialText: SHORT_TOKEN_POD }));
    await applyAndAnswer({ flow: 'projected', ok: false, output: 'x', errors: [{ message: SERVER_MESSAGE, line: SHORT_TOKEN_LINE }] });
    fireEvent.click(await screen.findByRole('button', { name: `Line ${SHORT_TOKEN_LINE}` }));
    await waitFor(() => expect(document.querySelector('.cm-activeLine')?.textContent?.trim()).toBe('expirationSeconds: 300'));
  });

  it('marks a YAML syntax error without anything being applied', async () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n';
    render(createElement(ManifestEditor, { client: fakeClient().client, flowId: 'legacy', initialText: broken }));
    await waitFor(() => expect(markedLineNumbers().length).toBe(1), { timeout: 3000 });
    expect(markedLineNumbers()[0]).toBeGreaterThanOrEqual(4);
  });

  it('replaces the text with a template and reports the new buffer', () => {
    const onBufferChange = vi.fn();
    render(createElement(ManifestEditor, { client: fakeClient().client, flowId: 'legacy', onBufferChange }));
    const templates = screen.getByRole('group', { name: 'Templates' });
    const secret = MANIFEST_TEMPLATES.find((t) => t.id === 'token-secret');
    fireEvent.click(within(templates).getByRole('button', { name: secret?.label ?? '' }));
    expect(onBufferChange).toHaveBeenLastCalledWith(secret?.text);
    expect(editorText()).toContain('type: kubernetes.io/service-account-token');
    expect(screen.getByTestId('manifest-result').textContent).toContain('Ctrl+Z');
  });

  it('cannot apply while no flow is chosen', () => {
    const { client, sent } = fakeClient();
    render(createElement(ManifestEditor, { client, flowId: '' }));
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Apply (no cluster)' });
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(sent).toEqual([]);
  });
});
