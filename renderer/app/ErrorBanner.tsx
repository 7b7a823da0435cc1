/**
 * The engine's last refusal or failure, or a heads-up about the loaded scenario ("will stop at about …"), under the
 * header; in presentation mode above the notes, since a presenter sees no header.
 */
export function ErrorBanner({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <div className="app-error" role="alert" data-testid="app-error">
      {error}
    </div>
  );
}
