/**
 * Display settings, remembered by the host: the theme (system, light, dark, projector), the type size used in
 * presentation mode, and how much the screen-reader live region announces. A disclosure (details/summary), so it
 * is one Tab stop when closed and needs no script to open from the keyboard.
 */
import { useId } from 'react';
import { ANNOUNCE_VERBOSITIES, THEMES, type AnnounceVerbosity, type Theme, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { VERBOSITY_LABELS } from '../a11y/announcer.ts';
import { FONT_SCALE_STEPS } from '../presentation/font-scale.ts';

const THEME_LABELS: Record<Theme, string> = {
  system: 'System (light or dark)',
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector (black on white, thick lines)',
};

interface Props {
  settings: UserSettings;
  onChange(patch: Partial<UserSettings>): void;
  /** Whether the kubectl and other-Secrets lanes are drawn (for this session; not a remembered setting). */
  detailLanes: boolean;
  onDetailLanes(shown: boolean): void;
}

export function DisplaySettings({ settings, onChange, detailLanes, onDetailLanes }: Props) {
  const id = useId();
  return (
    <details className="display-settings" data-testid="display-settings">
      <summary>Display</summary>
      <div className="display-settings-body">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select id={`${id}-theme`} data-testid="theme-select" value={settings.theme} onChange={(e) => onChange({ theme: e.target.value as Theme })}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-scale`}>Presentation type size</label>
        <select id={`${id}-scale`} data-testid="font-scale-select" value={settings.fontScalePercent} onChange={(e) => onChange({ fontScalePercent: Number(e.target.value) })}>
          {FONT_SCALE_STEPS.map((p) => (
            <option key={p} value={p}>
              {p} %
            </option>
          ))}
          {!FONT_SCALE_STEPS.includes(settings.fontScalePercent) && <option value={settings.fontScalePercent}>{settings.fontScalePercent} %</option>}
        </select>
        <label className="display-check">
          <input type="checkbox" checked={detailLanes} onChange={(e) => onDetailLanes(e.target.checked)} data-testid="detail-lanes-check" />
          Detail lanes (kubectl commands, other Secrets)
        </label>
        <label htmlFor={`${id}-announce`}>Screen reader announcements</label>
        <select id={`${id}-announce`} data-testid="verbosity-select" value={settings.announceVerbosity} onChange={(e) => onChange({ announceVerbosity: e.target.value as AnnounceVerbosity })}>
          {ANNOUNCE_VERBOSITIES.map((v) => (
            <option key={v} value={v}>
              {VERBOSITY_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
    </details>
  );
}
