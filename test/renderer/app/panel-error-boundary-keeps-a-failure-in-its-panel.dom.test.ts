// @vitest-environment jsdom
/**
 * A panel that throws while rendering shows "something went wrong in this panel" and a reset, and everything else
 * keeps working; before, one bad value blanked the whole window.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelErrorBoundary } from '../../../renderer/app/PanelErrorBoundary.tsx';
import type * as InspectorModule from '../../../renderer/panels/TokenInspector.tsx';

const inspector = vi.hoisted(() => ({ broken: false }));

vi.mock('../../../renderer/panels/TokenInspector.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof InspectorModule>();
  return {
    ...real,
    TokenInspector: (props: Parameters<typeof real.TokenInspector>[0]) => {
      if (inspector.broken) throw new Error('the inspector broke');
      return real.TokenInspector(props);
    },
  };
});

const { App } = await import('../../../renderer/app/App.tsx');
const { FakeHostServices } = await import('../../fakes/host-services.ts');
const { FakeEngine } = await import('../panels/lesson/lesson-engine-fixture.ts');

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  inspector.broken = false;
  vi.restoreAllMocks();
});

let fail = true;
function Fragile({ label }: { label: string }) {
  if (fail) throw new Error(`${label} fell over`);
  return createElement('p', null, `${label} is fine`);
}

describe('PanelErrorBoundary', () => {
  it('shows the failure in the panel, leaves its neighbours alone, and resets on request', () => {
    fail = true;
    render(createElement('div', null, createElement(PanelErrorBoundary, { name: 'Left' }, createElement(Fragile, { label: 'left' })), createElement('p', null, 'the neighbour')));
    const alert = screen.getByTestId('panel-error');
    expect(alert.textContent).toContain('Something went wrong in this panel (Left).');
    expect(alert.textContent).toContain('left fell over');
    expect(screen.getByText('the neighbour')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByTestId('panel-error-reset'));
    expect(screen.getByText('left is fine')).toBeTruthy();
    expect(screen.queryByTestId('panel-error')).toBeNull();
  });

  it('starts afresh by itself when its reset key changes (a new scenario)', () => {
    fail = true;
    const panel = (key: number) => createElement(PanelErrorBoundary, { name: 'Panel', resetKey: key }, createElement(Fragile, { label: 'panel' }));
    const { rerender } = render(panel(1));
    expect(screen.getByTestId('panel-error')).toBeTruthy();
    fail = false;
    act(() => rerender(panel(2)));
    expect(screen.getByText('panel is fine')).toBeTruthy();
  });
});

describe('in the app', () => {
  it('a panel that throws leaves the timelines, the transport and the other panels working', async () => {
    inspector.broken = true;
    const engine = new FakeEngine();
    render(createElement(App, { store: engine.store, client: engine, host: new FakeHostServices() }));
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const alert = await screen.findByTestId('panel-error');
    expect(alert.dataset.panel).toBe('Inspector');
    expect(screen.getByTestId('app')).toBeTruthy();
    expect(screen.getByTestId('play-pause')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Timelines' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Paste a token' }));
    // The paste panel loads when its tab is first opened.
    expect(await screen.findByTestId('paste-token-input')).toBeTruthy();
  });
});
