/** The token as its compact JWT, to read or copy (the clipboard, or the text selected when the clipboard is refused). */
import { useId, useRef, useState } from 'react';

export function CompactJwt(props: { jwt: string | undefined }) {
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const labelId = useId();
  const jwt = props.jwt;
  // Another token's JWT: what was said about the last one no longer applies.
  const [statusOf, setStatusOf] = useState(jwt);
  if (statusOf !== jwt) {
    setStatusOf(jwt);
    setStatus('');
  }
  return (
    <div className="ts-jwt">
      <h3 className="ts-section-title" id={labelId}>
        Compact JWT
      </h3>
      {jwt ? (
        <>
          <textarea
            ref={area}
            className="ts-jwt-text"
            aria-labelledby={labelId}
            readOnly
            spellCheck={false}
            rows={5}
            value={jwt}
            data-testid="jwt"
          />
          <div className="ts-jwt-actions">
            <button
              type="button"
              className="ts-button"
              onClick={() => {
                void copyText(jwt, area.current).then((ok) =>
                  setStatus(ok ? 'Copied the JWT to the clipboard.' : 'Could not copy: select the text above and press Ctrl+C.'),
                );
              }}
            >
              Copy JWT
            </button>
            <span className="ts-copy-status" role="status" aria-live="polite">
              {status}
            </span>
          </div>
        </>
      ) : (
        <p className="ts-empty">Signing the token…</p>
      )}
    </div>
  );
}

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to selecting the text (Electron without clipboard permission, insecure contexts).
  }
  if (!fallback) return false;
  fallback.focus();
  fallback.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
