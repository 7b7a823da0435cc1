/**
 * "Scene 3 of 7" in a corner of the presentation, with the scene's note as a caption the class can read along. It is
 * part of the page only: exports are drawn from the draw plan, which knows nothing of it.
 */
export function SceneIndicator({ current, count, note, status }: { current: number | undefined; count: number; note: string | undefined; status: string }) {
  if (count === 0 && status === '') return null;
  return (
    <div className="scene-indicator" data-testid="scene-indicator-box">
      {count > 0 && (
        <span className="scene-count" data-testid="scene-indicator">
          {current === undefined ? `${count} scenes · Page Down starts` : `Scene ${current + 1} of ${count}`}
        </span>
      )}
      {note !== undefined && current !== undefined && (
        <span className="scene-note" data-testid="scene-note">
          {note}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
