/**
 * The export dialog: one frozen moment (captured when the dialog opened) drawn with the settings chosen here — a
 * preset or the user's own choice of format, scale, background, theme, width, time window, flows and lanes — with the
 * file's size, a preview, and the caption and alt text shown before anything is made. What the user types into the
 * caption and alt text is what the file carries. Save, copy and the event log go through the host; every outcome,
 * good or bad, is said in the dialog's status (role=status) or alert (role=alert) line and stays there until the next.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ModalDialog } from '../a11y/ModalDialog.tsx';
import type { ExportSource } from '../../shared/export/export-source.ts';
import type { ExportText } from '../../shared/export/export-caption.ts';
import type { ExportDeps } from '../../shared/export/export-file.ts';
import { DEFAULT_EXPORT_SETTINGS, type ExportMemory, type ExportPreset } from '../../shared/export/export-types.ts';
import type { HostServices } from '../host/host-services.ts';
import { formatSpan } from '../format/format-time.ts';
import { applyPreset, formFromSettings, rememberedSettings, savePreset, type ExportForm, type ExportStyle, type FormContext } from './export-form.ts';
import { exportActions } from './export-actions.ts';
import { useExportPreview } from './use-export-preview.ts';
import { useExportStatus } from './use-export-status.ts';
import { PresetPicker } from './PresetPicker.tsx';
import { FormatFields } from './FormatFields.tsx';
import { SizeFields } from './SizeFields.tsx';
import { WindowFieldset } from './WindowFieldset.tsx';
import { ContentFields } from './ContentFields.tsx';
import { PreviewFigure } from './PreviewFigure.tsx';
import { CaptionFields } from './CaptionFields.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { AnimationFields } from './animation/AnimationFields.tsx';
import { AnimationProgress } from './animation/AnimationProgress.tsx';
import { useAnimationEstimate } from './animation/use-animation-estimate.ts';
import { useAnimationRun } from './animation/use-animation-run.ts';
import { useVideoCodecs } from './animation/use-video-codecs.ts';
import { fileKind } from './export-words.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import './export-dialog.css';

export interface ExportDialogProps {
  /** The moment exported, frozen when the dialog opened. */
  source: ExportSource;
  /** What the dialog remembered last time (null: nothing yet). */
  memory: ExportMemory | null;
  host: Pick<HostServices, 'kind' | 'saveFile' | 'copyToClipboard'>;
  /** The export font and the PNG rasteriser, loaded on first use (a rejection is shown, never lost). */
  loadDeps(): Promise<ExportDeps>;
  /** Persists what the dialog remembers; rejects with the reason when it cannot. */
  onRemember(memory: ExportMemory): Promise<void>;
  /** Closes the dialog; `memory` is what it should remember from this visit. */
  onClose(memory: ExportMemory): void;
  /** Opens an exported image or a scenario through a file picker; the dialog has closed (onClose) just before. */
  onOpenFile(): void;
}

/** The app's own shortcuts (Space plays, ? opens the cheat sheet) stay out of the dialog; Esc and Tab are the dialog's. */
function keepKeysInside(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
}

export function ExportDialog({ source, memory, host, loadDeps, onRemember, onClose, onOpenFile }: ExportDialogProps) {
  const ids = useId();
  const context: FormContext = useMemo(
    () => ({ flowIds: source.lanes.flows.map((f) => f.flowId), durationMs: source.lanes.durationMs, view: source.moment.view, playheadMs: source.moment.playheadMs }),
    [source],
  );
  const [form, setForm] = useState<ExportForm>(() => formFromSettings(memory?.last ?? { ...DEFAULT_EXPORT_SETTINGS }, context));
  const [userPresets, setUserPresets] = useState<ExportPreset[]>(() => memory?.presets ?? []);
  const [captionEdit, setCaptionEdit] = useState<string | undefined>();
  const [altEdit, setAltEdit] = useState<string | undefined>();
  const presetSelect = useRef<HTMLSelectElement>(null);
  // Compiling the PNG renderer takes a moment the first time: start while the user is still choosing settings. A
  // failure here is reported by the export that needs it.
  useEffect(() => {
    loadDeps().catch(() => undefined);
  }, [loadDeps]);

  const { checked, current, shown, ready, problem } = useExportPreview(source, form, context);
  const generated = shown?.text ?? { caption: '', altText: '' };
  const text: ExportText = { caption: captionEdit ?? generated.caption, altText: altEdit ?? generated.altText };
  const errors = checked.ok ? {} : checked.errors;

  const memoryNow = (presets = userPresets): ExportMemory => ({
    last: rememberedSettings(checked.ok ? checked.settings : { ...form.style, hiddenLanes: [...form.style.hiddenLanes] }, form.window),
    presets,
  });
  const status = useExportStatus(onRemember, memoryNow);
  const animationRun = useAnimationRun();
  const estimate = useAnimationEstimate(source, checked, loadDeps);
  const codecs = useVideoCodecs(form.style.format === 'animation', current?.size ?? { widthPx: form.style.widthPx, heightPx: form.style.heightPx ?? 720 }, form.style.animation?.fps ?? 15);
  const actions = exportActions({ source, host, loadDeps, checked, current, text, run: status.run, animation: animationRun });

  const setStyle = (patch: Partial<ExportStyle>) => setForm((f) => ({ ...f, style: { ...f.style, ...patch } }));

  const savePresetNamed = (name: string): string | undefined => {
    const saved = savePreset(userPresets, name, form.style);
    if (!saved.ok) return saved.error;
    setUserPresets(saved.presets);
    status.say({ tone: 'ok', text: `Preset "${saved.name}" ${saved.replaced ? 'updated' : 'saved'}.` });
    void status.remember(memoryNow(saved.presets));
    return undefined;
  };

  const deletePreset = (preset: ExportPreset) => {
    const presets = userPresets.filter((p) => p !== preset);
    setUserPresets(presets);
    status.say({ tone: 'ok', text: `Preset "${preset.name}" deleted.` });
    void status.remember(memoryNow(presets));
  };

  const format = form.style.format;
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
            <PresetPicker
              ids={ids}
              style={form.style}
              userPresets={userPresets}
              selectRef={presetSelect}
              onChoose={(preset) => setForm((f) => applyPreset(f, preset))}
              onSave={savePresetNamed}
              onDelete={deletePreset}
            />
            <FormatFields ids={ids} style={form.style} onStyle={setStyle} />
            {format === 'animation' && <AnimationFields ids={ids} form={form} errors={errors} onForm={setForm} estimate={estimate} codecs={codecs} />}
            <SizeFields ids={ids} form={form} errors={errors} onForm={setForm} />
            <WindowFieldset ids={ids} form={form} context={context} errors={errors} onForm={setForm} />
            <ContentFields ids={ids} source={source} form={form} errors={errors} onForm={setForm} onStyle={setStyle} />
          </form>

          <div className="export-output">
            <PreviewFigure format={format} transparent={form.style.background === 'transparent'} shown={shown} current={current} caption={text.caption} />
            <CaptionFields
              ids={ids}
              format={format}
              text={text}
              captionEdited={captionEdit !== undefined}
              altEdited={altEdit !== undefined}
              onCaption={setCaptionEdit}
              onAlt={setAltEdit}
              onCopy={actions.copyText}
            />
            <ExportButtons kind={fileKind(form.style)} sceneCount={source.sceneCount} ready={ready} actions={actions} status={status} problem={problem} working={animationRun.progress && <AnimationProgress run={animationRun} />} />
            <CopyLinkButton moment={source.moment} host={host} onSaveImage={actions.saveImage} saveImageLabel={`Save ${fileKind(form.style)} instead…`} />
          </div>
        </div>
        <div className="export-foot">
          <p className="export-hint">
            To reopen a moment, drop an exported image or animation anywhere on TokenScope, or{' '}
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
