/** Lesson prose rendered from its small markup (see lesson-markup.ts) as React elements, never as HTML. */
import { useMemo } from 'react';
import { parseBlocks, type Inline } from './lesson-markup.ts';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) =>
        inline.kind === 'code' ? <code key={i}>{inline.text}</code> : inline.kind === 'strong' ? <strong key={i}>{inline.text}</strong> : inline.text,
      )}
    </>
  );
}

export function LessonText({ source, className }: { source: string; className?: string }) {
  const blocks = useMemo(() => parseBlocks(source), [source]);
  return (
    <div className={className}>
      {blocks.map((block, i) =>
        block.kind === 'code' ? (
          <pre key={i} className="lesson-code">
            <code>{block.text}</code>
          </pre>
        ) : block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines inlines={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            <Inlines inlines={block.inlines} />
          </p>
        ),
      )}
    </div>
  );
}
