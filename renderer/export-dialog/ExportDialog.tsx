/**
 * The export dialog: one frozen moment (captured when the dialog opened) drawn with the settings chosen here — a
 * preset or the user's own choice of format, scale, background, theme, width, time window, flows and lanes — with the
 * file's size, a preview, and the caption and alt text shown before anything is made. What the user types into the
 * caption and alt text is what the file carries. Save, copy and the event log go through the host; every outcome,
 * good or bad, is said in the dialog's status (role=status) or alert (role=alert) line and stays there until the next.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ModalDialog } from '../a11y/ModalDialog.tsx';
import type { ExportSource } from '../../shared/export/export-source.ts';
import { exportSize } from '../../shared/export/export-figure.ts';
import { exportCaption, type ExportText } from '../../shared/export/export-caption.ts';
import { exportFile, exportFileName, type ExportDeps } from '../../shared/export/export-file.ts';
import { rasterSvg } from '../../shared/export/export-svg.ts';
import { eventLogCsv, eventLogJson, eventsInExport } from '../../shared/export/event-log-export.ts';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_SCALES,
  EXPORT_THEMES,
  MAX_EXPORT_WIDTH_PX,
  MIN_EXPORT_WIDTH_PX,
  type ExportFormat,
  type ExportMemory,
  type ExportPreset,
  type ExportSettings,
  type OptionalLane,
  type ThemeName,
} from '../../shared/export/export-types.ts';
import type { SaveFileMimeType } from '../../shared/ipc/ipc-contract.ts';
import type { HostServices } from '../host/host-services.ts';
import { formatSpan } from '../app/format-time.ts';
import {
  applyPreset,
  axisTime,
  checkForm,
  formFromSettings,
  matchingPreset,
  presetChoices,
  rememberedSettings,
  savePreset,
  withAspect,
  withWidthText,
  type ExportForm,
  type ExportStyle,
  type FormContext,
  type WindowChoice,
} from './export-form.ts';
import './export-dialog.css';

export interface ExportDialogProps {
  /** The moment exported, frozen when the dialog opened. */
  source: ExportSource;
  /** What the dialog remembered last time (null: nothing yet). */
  memory: ExportMemory | null;
  host: Pick<HostServices, 'saveFile' | 'copyToClipboard'>;
  /** The export font and the PNG rasteriser, loaded on first use (a rejection is shown, never lost). */
  loadDeps(): Promise<ExportDeps>;
  /** Persists what the dialog remembers; rejects with the reason when it cannot. */
  onRemember(memory: ExportMemory): Promise<void>;
  /** Closes the dialog; `memory` is what it should remember from this visit. */
  onClose(memory: ExportMemory): void;
  /** Opens an exported image or a scenario through a file picker; the dialog has closed (onClose) just before. */
  onOpenFile(): void;
}

const FORMAT_LABELS: Record<ExportFormat, string> = { png: 'PNG image', svg: 'SVG (vector)', pdf: 'PDF handout' };
const FORMAT_SHORT: Record<ExportFormat, string> = { png: 'PNG', svg: 'SVG', pdf: 'PDF' };
const MIME: Record<ExportFormat, SaveFileMimeType> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };
const THEME_LABELS: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', projector: 'Projector' };
const LANE_LABELS: Record<OptionalLane, string> = { attacker: 'Attacker lane', kubectl: 'kubectl lane', secrets: 'Secrets lane' };
/** Where the caption and the alt text end up, per format (slide tools ask for alt text again: hence the Copy buttons). */
const TEXT_WHERE: Record<ExportFormat, string> = {
  png: 'The PNG carries them as its Title and Description; copy them too for the alt-text box of your slides.',
  svg: 'The SVG carries them as its title and description.',
  pdf: 'The PDF prints them under the figure.',
};
const OPTIONAL_LANE_ORDER: readonly OptionalLane[] = ['attacker', 'kubectl', 'secrets'];

type Status = { tone: 'progress' | 'ok' | 'info'; text: string } | { tone: 'error'; text: string };

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lets the browser paint the progress line before a long synchronous step (the PNG rasteriser) starts. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

const sizeText = (size: { widthPx: number; heightPx: number }) => `${size.widthPx} × ${size.heightPx} px`;

interface Derived {
  settings: ExportSettings;
  size: { widthPx: number; heightPx: number };
  text: ExportText;
  preview: string;
}

/** Size, generated text and preview for valid settings; an error sentence when the figure cannot be made. */
function derive(source: ExportSource, settings: ExportSettings): { ok: true; value: Derived } | { ok: false; error: string } {
  try {
    const size = exportSize(source, settings);
    const text = exportCaption(source, settings);
    const { svg } = rasterSvg(source, settings, text);
    return { ok: true, value: { settings, size, text, preview: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` } };
  } catch (error) {
    return { ok: false, error: `This figure cannot be made: ${reason(error)}` };
  }
}

function Radio<T extends string | number>(props: { name: string; value: T; checked: T; onChange(value: T): void; children: ReactNode; testId?: string }) {
  return (
    <label className="export-choice">
      <input type="radio" name={props.name} value={String(props.value)} checked={props.value === props.checked} onChange={() => props.onChange(props.value)} data-testid={props.testId} />
      {props.children}
    </label>
  );
}

function Check(props: { checked: boolean; onChange(checked: boolean): void; children: ReactNode; testId?: string }) {
  return (
    <label className="export-choice">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} />
      {props.children}
    </label>
  );
}

/** The caption or the alt text: generated, editable, back to generated in one click, and copyable on its own. */
function EditableText(props: { id: string; label: string; rows: number; value: string; edited: boolean; onChange(value: string | undefined): void; onCopy(): void; testId: string }) {
  const lower = props.label.toLowerCase();
  return (
    <div className="export-field">
      <div className="export-row export-text-head">
        <label htmlFor={props.id}>{props.label}</label>
        <span className="export-row">
          {props.edited && (
            <button type="button" className="export-link" onClick={() => props.onChange(undefined)} data-testid={`${props.testId}-reset`}>
              Use the generated {lower}
            </button>
          )}
          <button type="button" className="export-link" onClick={props.onCopy} data-testid={`${props.testId}-copy`} aria-label={`Copy the ${lower}`}>
            Copy
          </button>
        </span>
      </div>
      <textarea id={props.id} rows={props.rows} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} />
    </div>
  );
}

/** A labelled group of choices: its legend on the left, the choices wrapping beside it. */
function Group(props: { legend: string; disabled?: boolean; describedBy?: string; children: ReactNode }) {
  return (
    <fieldset disabled={props.disabled} aria-describedby={props.describedBy}>
      <legend className="export-line-label">{props.legend}</legend>
      <div className="export-options">{props.children}</div>
    </fieldset>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="export-field-error">
      {error}
    </p>
  ) : null;
}

export function ExportDialog({ source, memory, host, loadDeps, onRemember, onClose, onOpenFile }: ExportDialogProps) {
  const ids = useId();
  const context: FormContext = useMemo(
    () => ({ flowIds: source.lanes.flows.map((f) => f.flowId), durationMs: source.lanes.durationMs, view: source.moment.view }),
    [source],
  );
  const [form, setForm] = useState<ExportForm>(() => formFromSettings(memory?.last ?? { ...DEFAULT_EXPORT_SETTINGS }, context));
  const [userPresets, setUserPresets] = useState<ExportPreset[]>(() => memory?.presets ?? []);
  const [captionEdit, setCaptionEdit] = useState<string | undefined>();
  const [altEdit, setAltEdit] = useState<string | undefined>();
  const [naming, setNaming] = useState<{ name: string; error?: string } | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  // Kept apart from the status, so a settings file that cannot be written never hides how the export itself went.
  const [rememberError, setRememberError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const presetSelect = useRef<HTMLSelectElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // Compiling the PNG renderer takes a moment the first time: start while the user is still choosing settings. A
  // failure here is reported by the export that needs it.
  useEffect(() => {
    loadDeps().catch(() => undefined);
  }, [loadDeps]);

  const checked = useMemo(() => checkForm(form, context), [form, context]);
  // The size, the generated text and the preview follow the settings a beat behind typing, never blocking it.
  const deferred = useDeferredValue(checked);
  const derived = useMemo(() => (deferred.ok ? derive(source, deferred.settings) : undefined), [source, deferred]);
  const current = derived?.ok ? derived.value : undefined;
  // While a setting is being fixed, the last figure that could be made stays in view (dimmed), and so do its texts.
  const lastGood = useRef<Derived | undefined>(undefined);
  if (current) lastGood.current = current;
  const shown = current ?? lastGood.current;
  const generated = shown?.text ?? { caption: '', altText: '' };
  const text: ExportText = { caption: captionEdit ?? generated.caption, altText: altEdit ?? generated.altText };
  const errors = checked.ok ? {} : checked.errors;
  const ready = checked.ok && current !== undefined && current.settings === checked.settings;

  const memoryNow = (presets = userPresets): ExportMemory => ({
    last: rememberedSettings(checked.ok ? checked.settings : { ...form.style, hiddenLanes: [...form.style.hiddenLanes] }, form.window),
    presets,
  });

  const remember = async (next: ExportMemory) => {
    try {
      await onRemember(next);
      if (live.current) setRememberError(undefined);
    } catch (error) {
      if (live.current) setRememberError(`Your export settings could not be remembered: ${reason(error)}`);
    }
  };

  const setStyle = (patch: Partial<ExportStyle>) => setForm((f) => ({ ...f, style: { ...f.style, ...patch } }));
  const setLaneShown = (lane: OptionalLane, on: boolean) =>
    setForm((f) => ({ ...f, style: { ...f.style, hiddenLanes: on ? f.style.hiddenLanes.filter((l) => l !== lane) : [...f.style.hiddenLanes.filter((l) => l !== lane), lane] } }));
  const setFlowShown = (flowId: string, on: boolean) => setForm((f) => ({ ...f, flows: on ? [...f.flows.filter((id) => id !== flowId), flowId] : f.flows.filter((id) => id !== flowId) }));

  const match = matchingPreset(form.style, userPresets);
  const presetKey = (builtin: boolean, name: string) => `${builtin ? 'builtin' : 'user'}:${name}`;
  const selectedKey = match ? presetKey(match.builtin, match.preset.name) : 'custom';

  const choosePreset = (key: string) => {
    const choice = presetChoices(userPresets).find((c) => presetKey(c.builtin, c.preset.name) === key);
    if (choice) setForm((f) => applyPreset(f, choice.preset));
  };

  const confirmPreset = () => {
    if (!naming) return;
    const saved = savePreset(userPresets, naming.name, form.style);
    if (!saved.ok) {
      setNaming({ ...naming, error: saved.error });
      nameInput.current?.focus();
      return;
    }
    setUserPresets(saved.presets);
    setNaming(undefined);
    setStatus({ tone: 'ok', text: `Preset "${saved.name}" ${saved.replaced ? 'updated' : 'saved'}.` });
    void remember(memoryNow(saved.presets));
    presetSelect.current?.focus();
  };

  const deletePreset = () => {
    if (!match || match.builtin) return;
    const presets = userPresets.filter((p) => p !== match.preset);
    setUserPresets(presets);
    setStatus({ tone: 'ok', text: `Preset "${match.preset.name}" deleted.` });
    void remember(memoryNow(presets));
    presetSelect.current?.focus();
  };

  /**
   * Runs one export action with progress shown, and says how it ended. One at a time: while one runs the buttons say
   * so (aria-disabled) but stay enabled, since disabling the focused button would throw focus out of the dialog.
   */
  const run = async (working: string, action: () => Promise<Status | undefined>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setStatus({ tone: 'progress', text: working });
    let outcome: Status | undefined;
    try {
      await nextPaint();
      outcome = await action();
    } catch (error) {
      outcome = { tone: 'error', text: reason(error) };
    }
    running.current = false;
    if (!live.current) return;
    setBusy(false);
    setStatus(outcome);
    void remember(memoryNow());
  };

  const makeFile = async (settings: ExportSettings) => {
    let deps: ExportDeps;
    try {
      deps = await loadDeps();
    } catch (error) {
      throw new Error(`The exporter could not be loaded, so nothing was made: ${reason(error)}`);
    }
    try {
      return await exportFile(source, settings, deps, { text });
    } catch (error) {
      throw new Error(`The ${FORMAT_SHORT[settings.format]} could not be made: ${reason(error)}`);
    }
  };

  const saveImage = () => {
    if (!checked.ok || !current) return;
    const settings = checked.settings;
    const what = `${FORMAT_SHORT[settings.format]} (${sizeText(current.size)})`;
    void run(`Making the ${what}…`, async () => {
      const file = await makeFile(settings);
      const result = await host.saveFile({ suggestedName: file.fileName, mimeType: MIME[settings.format], data: file.data });
      if (result.saved) return { tone: 'ok', text: `Saved the ${what}: ${result.where}` };
      if (result.canceled) return { tone: 'info', text: `The ${FORMAT_SHORT[settings.format]} was not saved: the save dialog was closed.` };
      return { tone: 'error', text: `The ${FORMAT_SHORT[settings.format]} was not saved: ${result.error}` };
    });
  };

  const copyImage = (format: 'png' | 'svg') => {
    if (!checked.ok) return;
    const settings: ExportSettings = { ...checked.settings, format };
    void run(`Making the ${FORMAT_SHORT[format]} for the clipboard…`, async () => {
      const file = await makeFile(settings);
      const result = typeof file.data === 'string' ? await host.copyToClipboard({ mimeType: 'image/svg+xml', data: file.data }) : await host.copyToClipboard({ mimeType: 'image/png', data: file.data });
      return result.ok ? { tone: 'ok', text: `Copied the ${FORMAT_SHORT[format]} to the clipboard.` } : { tone: 'error', text: `The ${FORMAT_SHORT[format]} was not copied: ${result.error}` };
    });
  };

  const copyText = (what: string, data: string) =>
    void run(`Copying the ${what}…`, async () => {
      const result = await host.copyToClipboard({ mimeType: 'text/plain', data });
      return result.ok ? { tone: 'ok', text: `Copied the ${what}.` } : { tone: 'error', text: `The ${what} was not copied: ${result.error}` };
    });

  const saveEvents = (kind: 'csv' | 'json') => {
    const events = checked.ok ? eventsInExport(source.events, checked.settings) : source.events;
    const label = kind === 'csv' ? 'CSV' : 'JSON';
    void run(`Writing the event log as ${label}…`, async () => {
      const suggestedName = exportFileName(source, kind).replace(/\.(csv|json)$/, `-events.${kind}`);
      const result = await host.saveFile({ suggestedName, mimeType: kind === 'csv' ? 'text/csv' : 'application/json', data: kind === 'csv' ? eventLogCsv(events) : eventLogJson(events) });
      if (result.saved) return { tone: 'ok', text: `Saved ${events.length} events as ${label}: ${result.where}` };
      if (result.canceled) return { tone: 'info', text: `The event log was not saved: the save dialog was closed.` };
      return { tone: 'error', text: `The event log was not saved: ${result.error}` };
    });
  };

  /** The app's own shortcuts (Space plays, ? opens the cheat sheet) stay out of the dialog; Esc and Tab are the dialog's. */
  const keepKeysInside = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
  };

  const format = form.style.format;
  const windowLabel = (choice: WindowChoice) =>
    choice === 'whole'
      ? `Whole scenario (0 s to ${axisTime(context.durationMs)})`
      : choice === 'view'
        ? `The current view (${axisTime(context.view.startMs)} to ${axisTime(context.view.endMs)})`
        : 'From – to:';
  const describedBy = (...parts: (string | false)[]) => parts.filter(Boolean).join(' ') || undefined;
  const sizeLine = current ? `${sizeText(current.size)}, ${format === 'pdf' ? 'PDF (figure size)' : FORMAT_SHORT[format]}` : 'Size unknown until the settings are fixed';
  const problem = !checked.ok ? 'Fix the highlighted settings to export.' : derived && !derived.ok ? derived.error : undefined;
  const close = () => onClose(memoryNow());

  return (
    <ModalDialog title="Export the timeline" onClose={close} className="export-dialog" testId="export-dialog" initialFocus={presetSelect}>
      <div className="export-body" onKeyDown={keepKeysInside}>
        <p className="export-moment" data-testid="export-moment">
          Exporting <strong>{source.lanes.title || source.moment.sourceName}</strong> at <strong>{formatSpan(source.moment.playheadMs)}</strong>. The file carries
          this moment: drop it back on TokenScope to reopen it.
        </p>
        <div className="export-layout">
          <form className="export-form" aria-label="Export settings" onSubmit={(e) => e.preventDefault()}>
            <div className="export-line">
              <label className="export-line-label" htmlFor={`${ids}-preset`}>
                Preset
              </label>
              <div className="export-options">
                <select id={`${ids}-preset`} ref={presetSelect} value={selectedKey} onChange={(e) => choosePreset(e.target.value)} data-testid="export-preset">
                  <optgroup label="Built-in">
                    {presetChoices([]).map((c) => (
                      <option key={c.preset.name} value={presetKey(true, c.preset.name)}>
                        {c.preset.name}
                      </option>
                    ))}
                  </optgroup>
                  {userPresets.length > 0 && (
                    <optgroup label="Your presets">
                      {userPresets.map((p) => (
                        <option key={p.name} value={presetKey(false, p.name)}>
                          {p.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {!match && <option value="custom">Custom settings</option>}
                </select>
                <button type="button" onClick={() => setNaming({ name: match && !match.builtin ? match.preset.name : '' })} data-testid="export-save-preset" aria-expanded={naming !== undefined}>
                  Save as preset…
                </button>
                <button type="button" onClick={deletePreset} disabled={!match || match.builtin} data-testid="export-delete-preset" aria-label="Delete the selected preset" title="Delete the selected preset (only your own presets can be deleted)">
                  Delete
                </button>
                <span className="export-hint">A preset sets the format, look and size; the window and the flows stay as chosen below.</span>
              </div>
            </div>
            {naming && (
              <div className="export-options export-naming" role="group" aria-label="Save the current settings as a preset">
                <label htmlFor={`${ids}-preset-name`}>Preset name</label>
                <input
                  id={`${ids}-preset-name`}
                  ref={nameInput}
                  autoFocus
                  value={naming.name}
                  maxLength={60}
                  aria-invalid={naming.error ? true : undefined}
                  aria-describedby={naming.error ? `${ids}-preset-error` : undefined}
                  onChange={(e) => setNaming({ name: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      confirmPreset();
                    } else if (e.key === 'Escape') {
                      // Esc cancels the name, not the whole dialog.
                      e.preventDefault();
                      e.stopPropagation();
                      setNaming(undefined);
                      presetSelect.current?.focus();
                    }
                  }}
                  data-testid="export-preset-name"
                />
                <button type="button" onClick={confirmPreset} data-testid="export-preset-confirm">
                  Save preset
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setNaming(undefined);
                    presetSelect.current?.focus();
                  }}
                >
                  Cancel
                </button>
                <FieldError id={`${ids}-preset-error`} error={naming.error} />
              </div>
            )}

            <Group legend="Format">
              {(['png', 'svg', 'pdf'] as const).map((f) => (
                <Radio key={f} name={`${ids}-format`} value={f} checked={format} onChange={(value) => setStyle({ format: value })} testId={`export-format-${f}`}>
                  {FORMAT_LABELS[f]}
                </Radio>
              ))}
            </Group>
            <Group legend={format === 'png' ? 'Scale' : 'Scale (PNG)'} disabled={format !== 'png'}>
              {EXPORT_SCALES.map((s) => (
                <Radio key={s} name={`${ids}-scale`} value={s} checked={form.style.scale} onChange={(value) => setStyle({ scale: value })} testId={`export-scale-${s}`}>
                  {s}×
                </Radio>
              ))}
            </Group>
            <Group legend={format === 'png' ? 'Background' : 'Background (PNG)'} disabled={format !== 'png'}>
              <Radio name={`${ids}-background`} value="solid" checked={form.style.background} onChange={(value) => setStyle({ background: value })} testId="export-background-solid">
                Solid
              </Radio>
              <Radio name={`${ids}-background`} value="transparent" checked={form.style.background} onChange={(value) => setStyle({ background: value })} testId="export-background-transparent">
                Transparent
              </Radio>
            </Group>
            <Group legend="Theme" describedBy={`${ids}-theme-hint`}>
              {EXPORT_THEMES.map((t) => (
                <Radio key={t} name={`${ids}-theme`} value={t} checked={form.style.theme} onChange={(value) => setStyle({ theme: value })} testId={`export-theme-${t}`}>
                  {THEME_LABELS[t]}
                </Radio>
              ))}
              <span id={`${ids}-theme-hint`} className="export-hint">
                For the file only; the screen keeps its own.
              </span>
            </Group>

            <div className="export-line">
              <label className="export-line-label" htmlFor={`${ids}-width`}>
                Width
              </label>
              <div className="export-options">
                <input
                  id={`${ids}-width`}
                  className="export-number"
                  inputMode="numeric"
                  value={form.widthText}
                  onChange={(e) => setForm((f) => withWidthText(f, e.target.value))}
                  aria-invalid={errors.width ? true : undefined}
                  aria-describedby={describedBy(`${ids}-width-hint`, !!errors.width && `${ids}-width-error`)}
                  data-testid="export-width"
                />
                <span id={`${ids}-width-hint`} className="export-hint">
                  CSS px, {MIN_EXPORT_WIDTH_PX} to {MAX_EXPORT_WIDTH_PX}.
                </span>
                <FieldError id={`${ids}-width-error`} error={errors.width} />
              </div>
            </div>

            <Group legend="Page">
              <Radio name={`${ids}-aspect`} value="fit" checked={form.style.heightPx === undefined ? 'fit' : '16:9'} onChange={(value) => setForm((f) => withAspect(f, value))} testId="export-aspect-fit">
                As tall as the lanes
              </Radio>
              <Radio name={`${ids}-aspect`} value="16:9" checked={form.style.heightPx === undefined ? 'fit' : '16:9'} onChange={(value) => setForm((f) => withAspect(f, value))} testId="export-aspect-16-9">
                16:9 slide (the figure fitted in)
              </Radio>
            </Group>

            <Group legend="Time window">
              {(['whole', 'view'] as const).map((w) => (
                <Radio key={w} name={`${ids}-window`} value={w} checked={form.window} onChange={(value) => setForm((f) => ({ ...f, window: value }))} testId={`export-window-${w}`}>
                  {windowLabel(w)}
                </Radio>
              ))}
              <span className="export-range">
                <Radio name={`${ids}-window`} value="range" checked={form.window} onChange={(value) => setForm((f) => ({ ...f, window: value }))} testId="export-window-range">
                  {windowLabel('range')}
                </Radio>
                <label className="visually-hidden" htmlFor={`${ids}-from`}>
                  From (a time such as 30m)
                </label>
                <input
                  id={`${ids}-from`}
                  className="export-number"
                  value={form.fromText}
                  onChange={(e) => setForm((f) => ({ ...f, window: 'range', fromText: e.target.value }))}
                  aria-invalid={errors.from ? true : undefined}
                  aria-describedby={describedBy(!!errors.from && `${ids}-from-error`)}
                  placeholder="30m"
                  data-testid="export-from"
                />
                <span aria-hidden="true">–</span>
                <label className="visually-hidden" htmlFor={`${ids}-to`}>
                  To (a time such as 2h)
                </label>
                <input
                  id={`${ids}-to`}
                  className="export-number"
                  value={form.toText}
                  onChange={(e) => setForm((f) => ({ ...f, window: 'range', toText: e.target.value }))}
                  aria-invalid={errors.to ? true : undefined}
                  aria-describedby={describedBy(!!errors.to && `${ids}-to-error`)}
                  placeholder="2h"
                  data-testid="export-to"
                />
              </span>
              <FieldError id={`${ids}-from-error`} error={errors.from} />
              <FieldError id={`${ids}-to-error`} error={errors.to} />
            </Group>

            <Group legend="Flows" describedBy={errors.flows ? `${ids}-flows-error` : undefined}>
              {source.lanes.flows.map((f) => (
                <Check key={f.flowId} checked={form.flows.includes(f.flowId)} onChange={(on) => setFlowShown(f.flowId, on)} testId={`export-flow-${f.flowId}`}>
                  {f.title}
                </Check>
              ))}
              <FieldError id={`${ids}-flows-error`} error={errors.flows} />
            </Group>
            <Group legend="Show">
              {OPTIONAL_LANE_ORDER.map((lane) => (
                <Check key={lane} checked={!form.style.hiddenLanes.includes(lane)} onChange={(on) => setLaneShown(lane, on)} testId={`export-lane-${lane}`}>
                  {LANE_LABELS[lane]}
                </Check>
              ))}
              <Check checked={form.style.legend} onChange={(on) => setStyle({ legend: on })} testId="export-legend">
                Legend
              </Check>
              <Check checked={form.style.annotations} onChange={(on) => setStyle({ annotations: on })} testId="export-annotations">
                Annotations ({source.annotations.length})
              </Check>
            </Group>
          </form>

          <div className="export-output">
            <figure className={`export-preview${form.style.background === 'transparent' && format === 'png' ? ' transparent' : ''}`}>
              {shown ? (
                <img src={shown.preview} alt={`Preview of the export: ${text.caption}`} className={current ? undefined : 'stale'} data-testid="export-preview" />
              ) : (
                <div className="export-preview-empty">No preview</div>
              )}
              <figcaption>
                <span className="export-size" data-testid="export-size" aria-live="polite">
                  {sizeLine}
                </span>
                {current && format === 'png' && <span className="export-hint"> ({current.settings.widthPx} px wide at {current.settings.scale}×)</span>}
              </figcaption>
            </figure>

            <EditableText
              id={`${ids}-caption`}
              label="Caption"
              rows={3}
              value={text.caption}
              edited={captionEdit !== undefined}
              onChange={setCaptionEdit}
              onCopy={() => copyText('caption', text.caption)}
              testId="export-caption"
            />
            <EditableText
              id={`${ids}-alt`}
              label="Alt text"
              rows={4}
              value={text.altText}
              edited={altEdit !== undefined}
              onChange={setAltEdit}
              onCopy={() => copyText('alt text', text.altText)}
              testId="export-alt"
            />
            <p className="export-hint" data-testid="export-text-where">
              {TEXT_WHERE[format]}
            </p>

            <div className="export-actions" role="group" aria-label="Export">
              <button type="button" className="primary" onClick={saveImage} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-save">
                Save {FORMAT_SHORT[format]}…
              </button>
              <button type="button" onClick={() => copyImage('png')} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-copy-png">
                Copy PNG
              </button>
              <button type="button" onClick={() => copyImage('svg')} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-copy-svg">
                Copy SVG
              </button>
            </div>
            <div className="export-actions" role="group" aria-label="Event log up to the playhead">
              <span className="export-sublabel" aria-hidden="true">
                Event log
              </span>
              <button type="button" onClick={() => saveEvents('csv')} aria-disabled={busy || undefined} data-testid="export-events-csv">
                Save CSV…
              </button>
              <button type="button" onClick={() => saveEvents('json')} aria-disabled={busy || undefined} data-testid="export-events-json">
                Save JSON…
              </button>
            </div>

            <div className="export-status" role="status" data-testid="export-status" data-tone={status?.tone ?? (problem ? 'problem' : 'none')}>
              {status?.tone === 'progress' && <progress aria-label="Export in progress" />}
              {status && status.tone !== 'error' && <span>{status.text}</span>}
              {problem && <span className="export-problem">{problem}</span>}
            </div>
            <div className="export-alert" role="alert" data-testid="export-alert">
              {status?.tone === 'error' && <p>{status.text}</p>}
              {rememberError && <p>{rememberError}</p>}
            </div>
          </div>
        </div>
        <div className="export-foot">
          <p className="export-hint">
            To reopen a moment, drop an exported PNG or SVG anywhere on TokenScope, or{' '}
            <button
              type="button"
              className="export-link"
              onClick={() => {
                close();
                onOpenFile();
              }}
              data-testid="export-open-file"
            >
              open an exported image…
            </button>
          </p>
          <button type="button" onClick={close} data-testid="export-close">
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
