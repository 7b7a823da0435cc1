/** The CLI's help text: printed for --help, and after every refusal of the command line. */
export const USAGE = `Usage:
  tokenscope run SCENARIO.yaml [--until DURATION] [--json]
  tokenscope export SCENARIO.yaml [--at DURATION] [--format png|svg|pdf|gif|apng] [--out FILE] [--scale 1|2|4]
                   [--theme light|dark|projector] [--width PX] [--height PX] [--from DURATION] [--to DURATION]
                   [--flows ID,ID] [--hide attacker,kubectl,secrets] [--transparent] [--no-legend]
                   [--no-annotations] [--duration DURATION] [--fps N] [--loop|--no-loop]
                   [--events csv|json] [--force]
  tokenscope export SCENARIO.yaml --scenes [--out deck.pdf | --out DIR/ | --out scene-%02d.png]
                   [--theme light|dark|projector] [--flows ID,ID] [--hide attacker,kubectl,secrets] [--force]

run     Runs a scenario headless and prints its event log: a table by default, or with --json one JSON object with,
        per flow, the events, every token as a compact JWT with its claims, the JWKS and the OIDC discovery document.
export  Runs a scenario headless to --at (default: its end) and writes the timeline as the app's Export would:
        a PNG (--scale device pixels per pixel, default 2; --transparent leaves the page clear), a self-contained SVG,
        or a PDF handout with the decoded claims. The format follows --out's extension (or --format when there is no --out); the file
        name defaults to SCENARIO-at-TIME.EXT. --width is the figure's width in CSS pixels (640 to 3840, default
        1600); --height fixes the page's height (--width 1920 --height 1080 is a 16:9 slide, the figure fitted in;
        default: as tall as the lanes need); --from/--to choose the time window (default: the whole scenario). --events also writes the event log
        up to --at beside the figure (FILE with .csv or .json). The same inputs always give the same bytes.
        An animation (--out FILE.gif, or FILE.apng for an animated PNG) shows the playhead moving from --from to
        --to over --duration (default 10s, 1s to 60s) at --fps frames a second (default 15, at most 30), looping
        unless --no-loop; its frames are the figure at 1× on a solid page. Dropped back on TokenScope, it reopens
        the scenario at the start of its range.
        An existing file is never replaced unless --force is given; files are written whole or not at all.
        With --scenes, every scene of the scenario's run-sheet at once: a .pdf --out is a 16:9 deck, a page per
        scene with its note under the figure (the default, SCENARIO-scenes.pdf); a folder (DIR/) or a numbered
        name (scene-%02d.png) gets one 1920x1080 PNG per scene. Slides default to the projector theme without the
        kubectl and Secrets lanes; each scene sets its own moment and window.

A scenario over TokenScope's work budget stops where it reaches it: run then prints what ran and exits with 1, and
export refuses an --at past that point.
`;
