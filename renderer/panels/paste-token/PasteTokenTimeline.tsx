/**
 * The pasted token's own timeline, drawn as SVG at the element's real width so labels keep their size: marks above
 * the bar (name over offset from iat), the bar itself (valid = solid, kubelet refresh window = vertical hatch, after
 * warnafter = dots, before nbf = dashed outline, no end = arrow), axis breaks (two slashes, labelled with the time they
 * stand for) and a "now" line with its badge. Colours and patterns come from the timeline theme; every state also
 * has a pattern or a word, and the legend under it says which.
 */
import { useId } from 'react';
import { themeNamed } from '../../../shared/figure/theme.ts';
import type { PasteTimeline } from './paste-timeline.ts';
import { useThemeName } from '../../theme/theme-context.ts';
import { useElementWidth } from './use-element-width.ts';
import { PasteTimelineSvg } from './PasteTimelineSvg.tsx';
import { PasteTimelineLegend } from './PasteTimelineLegend.tsx';

const FALLBACK_WIDTH_PX = 640;

export function PasteTokenTimeline(props: { timeline: PasteTimeline }) {
  const { timeline } = props;
  // The same theme as the main timelines, following the app's theme switch.
  const theme = themeNamed(useThemeName());
  const [measure, widthPx] = useElementWidth(FALLBACK_WIDTH_PX);
  const prefix = `paste-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  return (
    <figure className="ts-paste-timeline" data-testid="paste-token-timeline">
      <div ref={measure} className="ts-paste-timeline-plot">
        <PasteTimelineSvg timeline={timeline} theme={theme} width={widthPx} prefix={prefix} />
      </div>
      <figcaption>
        <PasteTimelineLegend timeline={timeline} theme={theme} prefix={prefix} />
      </figcaption>
    </figure>
  );
}
