/**
 * "Paste your own token": a learner pastes a JWT from a real cluster and sees it decoded, every claim explained, what
 * stands out, and the token on a timeline of its own against the machine's clock. The text lives only in this
 * component's state: no storage, no network, no autocomplete or spellcheck, and Clear wipes it.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { ClaimExplanation } from '../../../shared/explain/claim-explanations.ts';
import { analyzePastedToken, type ErrorExcerpt, type PasteError, type PastedToken } from './paste-token-model.ts';
import type { PasteWarning } from './paste-warnings.ts';
import { PasteTokenTimeline } from './PasteTokenTimeline.tsx';
import { useNowEpochMs } from './use-now-epoch-ms.ts';
import { claimId, headerId } from '../../../shared/explain/glossary.ts';
import { GlossaryLink } from '../../glossary/GlossaryLink.tsx';
import '../panels.css';
import './paste-token.css';

export function PasteTokenPanel(props: { nowEpochMs?: number }) {
  const nowEpochMs = useNowEpochMs(props.nowEpochMs);
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const headingId = `${ids}-heading`;
  const inputId = `${ids}-input`;
  const privacyId = `${ids}-privacy`;
  const errorId = `${ids}-error`;
  const analysis = useMemo(() => analyzePastedToken(text, nowEpochMs), [text, nowEpochMs]);

  const selectColumn = (column: number) => {
    const area = input.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(column - 1, Math.min(column, area.value.length));
  };

  return (
    <section className="ts-panel ts-paste" data-testid="paste-token" aria-labelledby={headingId}>
      <h2 id={headingId} className="ts-panel-title">
        Paste your own token
      </h2>
      <p id={privacyId} className="ts-paste-privacy" data-testid="paste-token-privacy">
        <strong>Stays on this computer.</strong> The token is decoded right here. It is never saved and never sent anywhere,
        and it is gone when you press Clear or close TokenScope.
      </p>
      <p className="ts-subtitle">
        Get one with <code>kubectl create token my-app</code>, or inside a pod with{' '}
        <code>cat /var/run/secrets/kubernetes.io/serviceaccount/token</code>. A leading “Bearer ” is fine, and so are the line
        breaks a terminal puts in a long token.
      </p>

      <label className="ts-paste-label" htmlFor={inputId}>
        Token (JWT)
      </label>
      <textarea
        id={inputId}
        ref={input}
        className="ts-paste-input"
        data-testid="paste-token-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        placeholder="eyJhbGciOiJSUzI1NiIsImtpZCI6…"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        // Writing-assistant extensions upload what is typed into text fields; this asks them to leave the token alone.
        data-gramm="false"
        data-enable-grammarly="false"
        aria-describedby={analysis.state === 'error' ? `${privacyId} ${errorId}` : privacyId}
        aria-invalid={analysis.state === 'error'}
      />
      <div className="ts-paste-actions">
        <button
          type="button"
          className="ts-button"
          onClick={() => {
            setText('');
            input.current?.focus();
          }}
          disabled={text === ''}
        >
          Clear
        </button>
        <span className="ts-paste-count" role="status" aria-live="polite">
          {analysis.state === 'decoded'
            ? `Decoded ${analysis.token.compact.length.toLocaleString('en-US')} characters${analysis.unwrapped ? ', the line breaks and spaces inside it removed' : ''}.`
            : ''}
        </span>
      </div>

      {analysis.state !== 'empty' && analysis.unwrapped ? (
        <p className="ts-paste-unwrapped" data-testid="paste-token-unwrapped">
          <span aria-hidden="true">↵ </span>
          {analysis.unwrapped}
        </p>
      ) : null}
      {analysis.state === 'error' ? <ErrorBox id={errorId} error={analysis.error} onSelect={selectColumn} /> : null}
      {analysis.state === 'decoded' ? <Decoded token={analysis.token} /> : null}
    </section>
  );
}

function ErrorBox(props: { id: string; error: PasteError; onSelect: (column: number) => void }) {
  const { error } = props;
  return (
    <div id={props.id} className="ts-paste-error" data-testid="paste-token-error" data-column={error.column} data-part={error.part} role="alert">
      <p className="ts-paste-error-head">
        <span aria-hidden="true">✗ </span>
        <strong>Cannot read this token:</strong> {error.message}
      </p>
      <Excerpt excerpt={error.excerpt} column={error.column} />
      <button type="button" className="ts-button" onClick={() => props.onSelect(error.column)}>
        Select column {error.column.toLocaleString('en-US')} in the text
      </button>
    </div>
  );
}

/** The text around the column with a caret under it; monospace, so one character is one caret step. */
function Excerpt(props: { excerpt: ErrorExcerpt; column: number }) {
  const { excerpt } = props;
  const lead = excerpt.clippedStart ? '…' : '';
  const pad = ' '.repeat(lead.length + [...excerpt.before].length);
  return (
    <pre className="ts-paste-excerpt" aria-label={`The text around column ${props.column}`}>
      {lead}
      {excerpt.before}
      <mark>{excerpt.at || ' '}</mark>
      {excerpt.after}
      {excerpt.clippedEnd ? '…' : ''}
      {'\n'}
      {pad}^ column {props.column.toLocaleString('en-US')}
    </pre>
  );
}

function Decoded(props: { token: PastedToken }) {
  const { token } = props;
  const { status } = token;
  return (
    <div className="ts-paste-decoded" data-testid="paste-token-result" data-kind={token.kind}>
      <div className={`ts-paste-status ts-paste-status-${status.symbol === '✓' ? 'ok' : status.symbol === '✗' ? 'bad' : 'note'}`} data-testid="paste-token-status" data-verdict={status.verdict}>
        <p className="ts-paste-status-head">
          <span aria-hidden="true" className="ts-paste-status-symbol">
            {status.symbol}
          </span>{' '}
          <strong>{status.title}</strong>
        </p>
        <p>{status.detail}</p>
        <p className="ts-paste-status-fine">
          Judged by its times against this computer’s clock. {token.signatureNote}
        </p>
      </div>

      <h3 className="ts-section-title">What it is</h3>
      <p className="ts-paste-kind">
        <strong>{token.kindTitle}.</strong> {token.kindDetail}
      </p>

      {token.warnings.length > 0 ? (
        <>
          <h3 className="ts-section-title">What stands out</h3>
          <ul className="ts-warnings" data-testid="paste-token-warnings">
            {token.warnings.map((w) => (
              <WarningItem key={`${w.code}-${w.claim}`} warning={w} />
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="ts-section-title">On its own timeline</h3>
      <PasteTokenTimeline timeline={token.timeline} />
      <p className="ts-paste-kubelet">{token.timeline.kubeletNote}</p>

      <h3 className="ts-section-title">Header</h3>
      <dl className="ts-claims">
        {token.header.map((row) => (
          <div className="ts-claim" key={row.name} data-header={row.name}>
            <dt className="ts-claim-name">
              <GlossaryLink entryId={headerId(row.name)}>{row.name}</GlossaryLink>
            </dt>
            <dd className="ts-claim-body">
              <code className="ts-claim-value" data-testid="header-value">
                {row.raw}
              </code>
              <Explanation name={row.name} explanation={row.explanation} />
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="ts-section-title">Payload</h3>
      <dl className="ts-claims">
        {token.claims.map((row) => (
          <div className="ts-claim" key={row.path} data-claim={row.path} data-warned={row.warnings.length > 0 ? 'true' : undefined}>
            <dt className="ts-claim-name">
              <GlossaryLink entryId={claimId(row.path)}>{row.path}</GlossaryLink>
            </dt>
            <dd className="ts-claim-body">
              <code className="ts-claim-value" data-testid="claim-value">
                {row.raw}
              </code>
              {row.times ? (
                <p className="ts-claim-times" data-testid="claim-times">
                  <span>{row.times.absolute}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{row.times.relative}</span>
                  {row.times.afterIat ? (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>{row.times.afterIat}</span>
                    </>
                  ) : null}
                </p>
              ) : null}
              {row.warnings.length > 0 ? (
                <p className="ts-paste-claim-warned">
                  <span aria-hidden="true">⚠ </span>Odd value: see “What stands out” above.
                </p>
              ) : null}
              <Explanation name={row.path} explanation={row.explanation} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function WarningItem(props: { warning: PasteWarning }) {
  return (
    <li className="ts-warning" data-warning={props.warning.code}>
      <span aria-hidden="true">⚠ </span>
      <strong>{props.warning.claim ? `${props.warning.claim}: ` : 'Note: '}</strong>
      {props.warning.text}
    </li>
  );
}

/** The short gloss and what the field is, always shown (this is the lesson); why it matters and since when, on demand. */
function Explanation(props: { name: string; explanation: ClaimExplanation | undefined }) {
  const e = props.explanation;
  if (!e) return <p className="ts-claim-short">Not a field Kubernetes writes.</p>;
  return (
    <>
      <p className="ts-claim-short">
        <strong>{e.short}.</strong> {e.what}
      </p>
      <details className="ts-claim-more">
        <summary>
          Why <span className="ts-mono">{props.name}</span> matters
        </summary>
        <p>{e.safety}</p>
        <p>
          <strong>Added in: </strong>
          {e.since}
        </p>
      </details>
    </>
  );
}
