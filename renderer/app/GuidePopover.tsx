/**
 * "What am I looking at?", always one click away in the header (and in presentation mode's bar): the scenario's title,
 * takeaway and description, what each lane is, and every mark the lanes draw, with the lanes' own swatches. A
 * disclosure (details/summary), like the display settings: one Tab stop when closed, Esc or a second click closes it.
 */
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import { allLegendItems } from '../../shared/figure/legend.ts';
import { swatchDataUrl } from '../timeline/TimelineLegend.tsx';
import { themeNamed } from '../../shared/figure/theme.ts';
import { useThemeName } from '../theme/theme-context.ts';
import { useLatest } from '../state/use-latest.ts';

const LANES: readonly { name: string; what: string }[] = [
  { name: 'Two flows, one clock', what: 'The same app on two simulated clusters: a legacy Secret-based token above, a projected TokenRequest token below. Both share the time axis at the bottom; the black line is now.' },
  { name: 'pod lane', what: 'The token in the pod’s token file, one bar per token. A second row appears while an old and a new token are both still valid.' },
  { name: 'file writes', what: 'Each dot is the kubelet writing a token into the pod’s file (at the start, and at each rotation).' },
  { name: 'app-client calls', what: 'The app calling the API server with the token it just read: ✓ accepted, ✗ refused.' },
  { name: 'attacker', what: 'A copy of the token file taken at ▼ and replayed: how long the stolen copy keeps working.' },
  { name: 'kubectl, other Secrets', what: 'Detail lanes (Display ▾ → Detail lanes, D in presentation mode): the kubectl commands run, and Secret-based tokens no pod mounts.' },
];

interface Props {
  scenario: ScenarioSummary | undefined;
  /** While it is open the app's own keys are off: Esc closes the guide, and must not also leave presentation mode. */
  onOpenChange?(open: boolean): void;
}

export function GuidePopover({ scenario, onOpenChange }: Props) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const theme = themeNamed(useThemeName());
  const w = Math.round(theme.font.legend * 2.4) + 8;
  const h = Math.round(theme.font.legend * 1.2) + 8;
  const items = useMemo(() => allLegendItems().map((item) => ({ ...item, url: swatchDataUrl(item.kind, theme, w, h) })), [theme, w, h]);
  // Unmounted while open (presentation mode entered or left): the app's keys must come back.
  const openChange = useLatest(onOpenChange);
  useEffect(() => () => openChange()?.(false), [openChange]);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !details.current?.open) return;
    e.preventDefault();
    e.stopPropagation();
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  return (
    <details className="guide" ref={details} data-testid="guide" onKeyDown={onKeyDown} onToggle={(e) => onOpenChange?.(e.currentTarget.open)}>
      <summary title="What am I looking at? The scenario, the lanes and what every mark means">Guide</summary>
      <div className="guide-body" role="group" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{scenario?.title ?? 'What am I looking at?'}</h2>
        {scenario?.takeaway && (
          <p className="scenario-takeaway">
            <strong>Take away:</strong> {scenario.takeaway}
          </p>
        )}
        {scenario?.description && <p>{scenario.description}</p>}
        <h3>The lanes</h3>
        <dl className="guide-lanes">
          {LANES.map((lane) => (
            <div key={lane.name}>
              <dt>{lane.name}</dt>
              <dd>{lane.what}</dd>
            </div>
          ))}
        </dl>
        <h3>The marks</h3>
        <ul className="guide-marks" aria-label="Legend">
          {items.map((item) => (
            <li key={item.kind}>
              <img src={item.url} width={w} height={h} alt="" />
              <span>{item.label}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
