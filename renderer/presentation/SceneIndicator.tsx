/**
 * Where the class is on the run-sheet: "Scene 3 of 7" in the presentation bar, and the scene's note as one line under
 * the timelines (the whole note in its tooltip), so neither takes room the lanes need on a projector at large type.
 * Both are part of the page only: exports are drawn from the draw plan, which knows nothing of them.
 */
export function SceneCount({ current, count, status }: { current: number | undefined; count: number; status: string }) {
  return (
    <>
      {count > 0 && (
        <span className="scene-count" data-testid="scene-indicator">
          {current === undefined ? `${count} scenes` : `Scene ${current + 1} of ${count}`}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  );
}

export function SceneNote({ note }: { note: string | undefined }) {
  if (note === undefined) return null;
  return (
    <p className="scene-note" data-testid="scene-note" title={note}>
      {note}
    </p>
  );
}
