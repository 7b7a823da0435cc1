/**
 * The preset line: the built-in presets and the user's own, "Custom settings" when the form matches none, and saving
 * the current look under a name (Enter saves, Esc cancels the name and not the dialog) or deleting one of the user's.
 */
import { useRef, useState, type RefObject } from 'react';
import type { ExportPreset } from '../../shared/export/export-types.ts';
import { matchingPreset, presetChoices, type ExportStyle } from './export-form.ts';
import { FieldError } from './form-controls.tsx';

interface Props {
  ids: string;
  style: ExportStyle;
  userPresets: readonly ExportPreset[];
  selectRef: RefObject<HTMLSelectElement | null>;
  onChoose(preset: ExportPreset): void;
  /** Saves the current look under `name`: the reason it cannot, or undefined once saved. */
  onSave(name: string): string | undefined;
  onDelete(preset: ExportPreset): void;
}

const presetKey = (builtin: boolean, name: string) => `${builtin ? 'builtin' : 'user'}:${name}`;

export function PresetPicker({ ids, style, userPresets, selectRef, onChoose, onSave, onDelete }: Props) {
  const [naming, setNaming] = useState<{ name: string; error?: string } | undefined>();
  const nameInput = useRef<HTMLInputElement>(null);
  const match = matchingPreset(style, userPresets);
  const selectedKey = match ? presetKey(match.builtin, match.preset.name) : 'custom';

  const choose = (key: string) => {
    const choice = presetChoices(userPresets).find((c) => presetKey(c.builtin, c.preset.name) === key);
    if (choice) onChoose(choice.preset);
  };

  const cancelNaming = () => {
    setNaming(undefined);
    selectRef.current?.focus();
  };

  const confirm = () => {
    if (!naming) return;
    const error = onSave(naming.name);
    if (error !== undefined) {
      setNaming({ ...naming, error });
      nameInput.current?.focus();
      return;
    }
    cancelNaming();
  };

  const deleteSelected = () => {
    if (!match || match.builtin) return;
    onDelete(match.preset);
    selectRef.current?.focus();
  };

  return (
    <>
      <div className="export-line">
        <label className="export-line-label" htmlFor={`${ids}-preset`}>
          Preset
        </label>
        <div className="export-options">
          <select id={`${ids}-preset`} ref={selectRef} value={selectedKey} onChange={(e) => choose(e.target.value)} data-testid="export-preset">
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
          <button type="button" onClick={deleteSelected} disabled={!match || match.builtin} data-testid="export-delete-preset" aria-label="Delete the selected preset" title="Delete the selected preset (only your own presets can be deleted)">
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
                confirm();
              } else if (e.key === 'Escape') {
                // Esc cancels the name, not the whole dialog.
                e.preventDefault();
                e.stopPropagation();
                cancelNaming();
              }
            }}
            data-testid="export-preset-name"
          />
          <button type="button" onClick={confirm} data-testid="export-preset-confirm">
            Save preset
          </button>
          <button type="button" onClick={cancelNaming}>
            Cancel
          </button>
          <FieldError id={`${ids}-preset-error`} error={naming.error} />
        </div>
      )}
    </>
  );
}
