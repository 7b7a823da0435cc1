// @vitest-environment jsdom
/**
 * The release picker in a flow's header: newest release first, releases out of support on the given day marked,
 * releases a signer flow cannot start on disabled, the chosen release handed to the caller (which reruns the
 * scenario), and what changed in the current release, unconfirmed parts included, told to screen readers and on hover.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowVersionPicker } from '../../../renderer/timeline/FlowVersionPicker.tsx';
import type { FlowSummary } from '../../../shared/rpc/engine-protocol.ts';

const TODAY = Date.parse('2026-12-07T10:00:00Z');

function flow(overrides: Partial<FlowSummary> = {}): FlowSummary {
  return {
    id: 'projected',
    label: 'projected',
    kubernetesVersion: '1.36',
    issuer: 'https://kubernetes.default.svc',
    apiAudiences: ['https://kubernetes.default.svc'],
    extendTokenExpiration: true,
    maxTokenExpirationSec: 0,
    externalSigner: false,
    ...overrides,
  };
}

afterEach(cleanup);

describe('FlowVersionPicker', () => {
  it('lists every release newest first and marks those out of support on 2026-12-07', () => {
    render(createElement(FlowVersionPicker, { flow: flow(), todayMs: TODAY, onChoose: () => undefined }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(0, 5)).toEqual(['1.37', '1.36', '1.35', '1.34 (out of support)', '1.33 (out of support)']);
    expect(options.at(-1)).toBe('1.20 (out of support)');
    expect(options).toHaveLength(18);
  });

  it('says when a supported release enters maintenance', () => {
    render(createElement(FlowVersionPicker, { flow: flow(), todayMs: Date.parse('2027-01-05T00:00:00Z'), onChoose: () => undefined }));
    expect(screen.getByRole('option', { name: '1.35 (maintenance only)' })).toBeTruthy();
  });

  it('hands the chosen release to the caller', () => {
    const onChoose = vi.fn();
    render(createElement(FlowVersionPicker, { flow: flow(), todayMs: TODAY, onChoose }));
    fireEvent.change(screen.getByLabelText('Release'), { target: { value: '1.33' } });
    expect(onChoose).toHaveBeenCalledWith('1.33');
  });

  it('disables the releases an external-signer flow cannot start on', () => {
    render(createElement(FlowVersionPicker, { flow: flow({ externalSigner: true }), todayMs: TODAY, onChoose: () => undefined }));
    const disabled = screen.getAllByRole<HTMLOptionElement>('option').filter((o) => o.disabled).map((o) => o.value);
    expect(disabled).toEqual(['1.33', '1.32', '1.31', '1.30', '1.29', '1.28', '1.27', '1.26', '1.25', '1.24', '1.23', '1.22', '1.21', '1.20']);
    expect(screen.getByRole('option', { name: '1.33 (no external signer)' })).toBeTruthy();
  });

  it('describes the current release, unconfirmed parts included, and flags an out-of-support one', () => {
    const { rerender } = render(createElement(FlowVersionPicker, { flow: flow({ kubernetesVersion: '1.35' }), todayMs: TODAY, onChoose: () => undefined }));
    const select = screen.getByLabelText('Release');
    const description = document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toMatch(/^Kubernetes 1\.35 is supported until 2027-02-28\. kubectl describe serviceaccount no longer lists/);
    expect(description).toContain('not confirmed upstream');
    expect(select.getAttribute('title')).toBe(description);
    expect(screen.getByTestId('version-picker-projected').dataset['support']).toBe('supported');
    rerender(createElement(FlowVersionPicker, { flow: flow({ kubernetesVersion: '1.30' }), todayMs: TODAY, onChoose: () => undefined }));
    expect(screen.getByLabelText<HTMLSelectElement>('Release').selectedOptions[0]?.textContent).toBe('1.30 (out of support)');
    expect(screen.getByLabelText('Release').getAttribute('title')).toMatch(/^Kubernetes 1\.30 has been out of support since 2025-06-28\./);
    expect(screen.getByTestId('version-picker-projected').dataset['support']).toBe('end-of-life');
  });
});
