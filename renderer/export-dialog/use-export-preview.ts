/**
 * What the export dialog shows of its settings: the form checked, and for valid settings the file's size, the
 * generated caption and alt text, and a preview. They follow the settings a beat behind typing, never blocking it;
 * while a setting is being fixed, the last figure that could be made stays in view (dimmed), and so do its texts.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { exportCaption, type ExportText } from '../../shared/export/export-caption.ts';
import { exportSize } from '../../shared/export/export-figure.ts';
import type { ExportSource } from '../../shared/export/export-source.ts';
import { rasterSvg } from '../../shared/export/export-svg.ts';
import type { ExportSettings } from '../../shared/export/export-types.ts';
import { checkForm, type CheckedForm, type ExportForm, type FormContext } from './export-form.ts';
import { reason } from './use-export-status.ts';

export interface Derived {
  settings: ExportSettings;
  size: { widthPx: number; heightPx: number };
  text: ExportText;
  preview: string;
}

type Derivation = { ok: true; value: Derived } | { ok: false; error: string };

/** Size, generated text and preview for valid settings; an error sentence when the figure cannot be made. */
function derive(source: ExportSource, settings: ExportSettings): Derivation {
  try {
    const size = exportSize(source, settings);
    const text = exportCaption(source, settings);
    const { svg } = rasterSvg(source, settings, text);
    return { ok: true, value: { settings, size, text, preview: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` } };
  } catch (error) {
    return { ok: false, error: `This figure cannot be made: ${reason(error)}` };
  }
}

export interface PreviewState {
  checked: CheckedForm;
  /** The figure for the settings as they are now, once it has caught up with them. */
  current: Derived | undefined;
  /** What the preview shows: `current`, or the last figure that could be made. */
  shown: Derived | undefined;
  /** The settings are valid and the figure shown is theirs: the file can be made. */
  ready: boolean;
  /** Why nothing can be exported now, if so. */
  problem: string | undefined;
}

export function useExportPreview(source: ExportSource, form: ExportForm, context: FormContext): PreviewState {
  const checked = useMemo(() => checkForm(form, context), [form, context]);
  const deferred = useDeferredValue(checked);
  const derived = useMemo(() => (deferred.ok ? derive(source, deferred.settings) : undefined), [source, deferred]);
  const current = derived?.ok ? derived.value : undefined;
  const [lastGood, setLastGood] = useState<Derived | undefined>(undefined);
  if (current && current !== lastGood) setLastGood(current);
  const shown = current ?? lastGood;
  const ready = checked.ok && current !== undefined && current.settings === checked.settings;
  const problem = !checked.ok ? 'Fix the highlighted settings to export.' : derived && !derived.ok ? derived.error : undefined;
  return { checked, current, shown, ready, problem };
}
