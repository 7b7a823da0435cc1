/**
 * The whole window takes dropped files: while files are dragged over it a frame says what a drop will do, and the
 * first file dropped is handed on. Only drags that carry files are taken, so dragging text inside the editor or the
 * terminal works as before.
 */
import { useEffect, useState } from 'react';
import { useLatest } from '../state/use-latest.ts';

interface Props {
  onFile(file: File, otherFiles: number): void;
}

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types ? Array.from(e.dataTransfer.types).includes('Files') : false;
}

export function DropTarget({ onFile }: Props) {
  const [dragging, setDragging] = useState(false);
  const handler = useLatest(onFile);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; counting them tells when the drag left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Never let the browser navigate to the dropped file: that would throw the whole session away.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      const first = files[0];
      if (first) handler()(first, files.length - 1);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [handler]);

  return dragging ? (
    <div className="export-drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <p>Drop an image or animation TokenScope exported (PNG, SVG, GIF, APNG, WebM, MP4) to reopen its moment, or a scenario (.yaml) to load it.</p>
    </div>
  ) : null;
}
