/** What kind of file, and how it looks: the format, the PNG's scale and background, and the theme. */
import { EXPORT_SCALES, EXPORT_THEMES, type ExportFormat, type ThemeName } from '../../shared/export/export-types.ts';
import { DEFAULT_ANIMATION_SETTINGS } from '../../shared/export/animation/animation-settings.ts';
import type { ExportStyle } from './export-form.ts';
import { Group, Radio } from './form-controls.tsx';

const FORMAT_LABELS: Record<ExportFormat, string> = { png: 'PNG image', svg: 'SVG (vector)', pdf: 'PDF handout', animation: 'Animation' };
const THEME_LABELS: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', projector: 'Projector' };

export function FormatFields({ ids, style, onStyle }: { ids: string; style: ExportStyle; onStyle(patch: Partial<ExportStyle>): void }) {
  const format = style.format;
  return (
    <>
      <Group legend="Format">
        {(['png', 'svg', 'pdf', 'animation'] as const).map((f) => (
          <Radio
            key={f}
            name={`${ids}-format`}
            value={f}
            checked={format}
            onChange={(value) => onStyle({ format: value, ...(value === 'animation' && !style.animation ? { animation: { ...DEFAULT_ANIMATION_SETTINGS } } : {}) })}
            testId={`export-format-${f}`}
          >
            {FORMAT_LABELS[f]}
          </Radio>
        ))}
      </Group>
      <Group legend={format === 'png' ? 'Scale' : 'Scale (PNG)'} disabled={format !== 'png'}>
        {EXPORT_SCALES.map((s) => (
          <Radio key={s} name={`${ids}-scale`} value={s} checked={style.scale} onChange={(value) => onStyle({ scale: value })} testId={`export-scale-${s}`}>
            {s}×
          </Radio>
        ))}
      </Group>
      <Group legend={format === 'png' ? 'Background' : 'Background (PNG)'} disabled={format !== 'png'}>
        <Radio name={`${ids}-background`} value="solid" checked={style.background} onChange={(value) => onStyle({ background: value })} testId="export-background-solid">
          Solid
        </Radio>
        <Radio name={`${ids}-background`} value="transparent" checked={style.background} onChange={(value) => onStyle({ background: value })} testId="export-background-transparent">
          Transparent
        </Radio>
      </Group>
      <Group legend="Theme" describedBy={`${ids}-theme-hint`}>
        {EXPORT_THEMES.map((t) => (
          <Radio key={t} name={`${ids}-theme`} value={t} checked={style.theme} onChange={(value) => onStyle({ theme: value })} testId={`export-theme-${t}`}>
            {THEME_LABELS[t]}
          </Radio>
        ))}
        <span id={`${ids}-theme-hint`} className="export-hint">
          For the file only; the screen keeps its own.
        </span>
      </Group>
    </>
  );
}
