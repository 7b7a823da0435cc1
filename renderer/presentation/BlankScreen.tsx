/**
 * The blanked screen (B or . in presentation mode, the keys a presenter remote's "black screen" button sends): the
 * room looks at the presenter, not the slide. Any key (taken by the app's key handler) or a click brings it back.
 */
export function BlankScreen({ onReturn }: { onReturn(): void }) {
  return (
    <div className="blank-screen" data-testid="blank-screen" role="button" tabIndex={-1} aria-label="The screen is blanked. Press any key or click to bring it back." onClick={onReturn}>
      <span className="visually-hidden">The screen is blanked. Press any key or click to bring it back.</span>
    </div>
  );
}
