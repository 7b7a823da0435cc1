/**
 * "Copy link" in the export dialog (browser build only): the moment the dialog froze, as a link to paste anywhere.
 * What came of it is said under the button; a link too long for a chat offers the scenario file and the dialog's own
 * image export instead.
 */
import { useState } from 'react';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { HostServices } from '../host/host-services.ts';
import { scenarioFileName } from '../../shared/scenario/scenario-file-name.ts';
import { useCopyLink } from './use-copy-link.ts';
import { LinkOutcome } from './LinkOutcome.tsx';
import './share.css';

interface Props {
  moment: ExportMoment;
  host: Pick<HostServices, 'kind' | 'copyToClipboard' | 'saveFile'>;
  onSaveImage(): void;
  saveImageLabel: string;
}

export function CopyLinkButton({ moment, host, onSaveImage, saveImageLabel }: Props) {
  const { outcome, copy, copyAnyway } = useCopyLink(host);
  const [saved, setSaved] = useState<string | undefined>();
  if (host.kind !== 'browser') return null;

  const saveScenario = () => {
    setSaved(undefined);
    void host.saveFile({ suggestedName: scenarioFileName(moment.sourceName, 'scenario'), mimeType: 'application/yaml', data: moment.scenarioText }).then((result) =>
      setSaved(result.saved ? `Scenario saved: ${result.where}` : result.canceled ? undefined : `The scenario was not saved: ${result.error}`),
    );
  };

  return (
    <div className="export-actions share-link" role="group" aria-label="Share this moment">
      <span className="export-sublabel" aria-hidden="true">
        Share
      </span>
      <button type="button" onClick={() => copy(moment)} data-testid="export-copy-link" title="Copy a link that opens this moment (Ctrl/⌘+Shift+C)">
        Copy link
      </button>
      <div role="status" className="share-link-status">
        {outcome && <LinkOutcome outcome={outcome} onSaveScenario={saveScenario} onSaveImage={onSaveImage} saveImageLabel={saveImageLabel} onCopyAnyway={copyAnyway} />}
        {saved && <p data-testid="share-saved">{saved}</p>}
      </div>
    </div>
  );
}
