// @vitest-environment jsdom
/**
 * The "jump to" box: a time it can read moves the playhead there; a time past the end of the run goes to the end and
 * says where the run ends (not an error) until the box is left; what it cannot read is refused with how to write a time, and the complaint
 * goes when the text is edited or another scenario loads.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../../../renderer/bridge/engine-client.ts';
import { JumpToField } from '../../../renderer/transport/JumpToField.tsx';

const HOUR = 3_600_000;

function mount(scenarioKey: unknown = 'a') {
  const sent: EngineCommand[] = [];
  const client = { send: (command: EngineCommand) => sent.push(command) } as unknown as EngineClient;
  const props = { client, durationMs: 6 * HOUR, disabled: false };
  const view = render(createElement(JumpToField, { ...props, scenarioKey }));
  const box = screen.getByTestId('jump-to');
  const jump = (text: string) => {
    fireEvent.change(box, { target: { value: text } });
    fireEvent.submit(box.closest('form')!);
  };
  const rerender = (key: unknown) => view.rerender(createElement(JumpToField, { ...props, scenarioKey: key }));
  return { sent, box, jump, rerender };
}

const feedback = () => screen.queryByTestId('jump-feedback');

afterEach(() => cleanup());

describe('the jump-to box', () => {
  it('moves the playhead to a time it can read, saying nothing', () => {
    const { sent, jump } = mount();
    jump('1:30:00');
    expect(sent).toEqual([{ type: 'seek', simMs: 1.5 * HOUR }]);
    expect(feedback()).toBeNull();
  });

  it('goes to the end for a time past it, and says where the run ends', () => {
    const { sent, box, jump } = mount();
    jump('10h');
    expect(sent).toEqual([{ type: 'seek', simMs: 6 * HOUR }]);
    expect(feedback()?.getAttribute('role')).toBe('status');
    expect(feedback()?.textContent).toBe('The run ends at 6 h 0 m 0 s: the playhead went there.');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    fireEvent.blur(box);
    expect(feedback()).toBeNull();
  });

  it('refuses what it cannot read, and forgets the complaint when the text changes or another scenario loads', () => {
    const { sent, box, jump, rerender } = mount();
    jump('soon');
    expect(sent).toEqual([]);
    expect(feedback()?.getAttribute('role')).toBe('alert');
    expect(feedback()?.textContent).toContain('"soon" is not a time');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(box);
    expect(feedback()?.getAttribute('role')).toBe('alert');
    fireEvent.change(box, { target: { value: 'soon-ish' } });
    expect(feedback()).toBeNull();
    jump('later');
    act(() => rerender('b'));
    expect(feedback()).toBeNull();
  });
});
