/** The caption and the alt text: generated, editable, back to generated in one click, and each copyable on its own. */
import type { ExportText } from '../../shared/export/export-caption.ts';
import type { ExportFormat } from '../../shared/export/export-types.ts';

/** Where the caption and the alt text end up, per format (slide tools ask for alt text again: hence the Copy buttons). */
const TEXT_WHERE: Record<ExportFormat, string> = {
  png: 'The PNG carries them as its Title and Description; copy them too for the alt-text box of your slides.',
  svg: 'The SVG carries them as its title and description.',
  pdf: 'The PDF prints them under the figure.',
  animation: 'An APNG carries them as its Title and Description, a video as its title and description, a GIF the caption as a comment; copy the alt text for your page or slides.',
};

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

interface Props {
  ids: string;
  format: ExportFormat;
  text: ExportText;
  captionEdited: boolean;
  altEdited: boolean;
  /** undefined: back to the generated text. */
  onCaption(value: string | undefined): void;
  onAlt(value: string | undefined): void;
  onCopy(what: string, data: string): void;
}

export function CaptionFields({ ids, format, text, captionEdited, altEdited, onCaption, onAlt, onCopy }: Props) {
  return (
    <>
      <EditableText id={`${ids}-caption`} label="Caption" rows={3} value={text.caption} edited={captionEdited} onChange={onCaption} onCopy={() => onCopy('caption', text.caption)} testId="export-caption" />
      <EditableText id={`${ids}-alt`} label="Alt text" rows={4} value={text.altText} edited={altEdited} onChange={onAlt} onCopy={() => onCopy('alt text', text.altText)} testId="export-alt" />
      <p className="export-hint" data-testid="export-text-where">
        {TEXT_WHERE[format]}
      </p>
    </>
  );
}
