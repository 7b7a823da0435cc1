// @vitest-environment jsdom
/**
 * A presenter sees no header, so a scenario's warning that it will stop early ("will stop at about …") must show in
 * presentation mode as well as in the normal layout.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';
import { singleFlow } from '../../support/run-scenario.ts';

afterEach(cleanup);

it('shows the work budget warning in presentation mode, where there is no header', async () => {
  const engine = new FakeEngine();
  render(createElement(App, { store: engine.store, client: engine, host: new FakeHostServices() }));
  await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
  act(() => engine.send({ type: 'load', scenarioText: singleFlow({ version: '1.30', duration: '10950d' }), sourceName: 'thirty-years.yaml' }));
  await waitFor(() => expect(screen.getByTestId('app-error').textContent).toMatch(/will stop at about 11 y/));
  act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F5', bubbles: true })));
  await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('true'));
  const warning = screen.getByTestId('app-error');
  expect(warning.getAttribute('role')).toBe('alert');
  expect(warning.closest('.presentation-main')).not.toBeNull();
  expect(warning.textContent).toMatch(/will stop at about 11 y \d+ d of 30 y/);
});
