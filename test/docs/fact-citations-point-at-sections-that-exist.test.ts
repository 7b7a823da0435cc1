/**
 * Code, tests and documents cite the project's fact sheet as `docs/kubernetes-facts.md §N` (also `§N.M`, `§3 step 9`,
 * `§4/§5`, "the Appendix"). Every section cited must be a heading of docs/kubernetes-facts.md, and the sheet's own
 * cross-references (`§3 step 5`, `§8.3.1`) must resolve too. The old sheet's name, a file that never was in the
 * repository, must not come back. The relative links of README.md and docs/*.md must reach files that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FACT_SHEET = 'docs/kubernetes-facts.md';
/** This file quotes the old name and made-up sections on purpose, so the scan leaves it out. */
const THIS_FILE = relative(REPO_ROOT, fileURLToPath(import.meta.url));
const SCANNED_ROOTS = ['shared', 'electron', 'renderer', 'test', 'docs', 'assets', 'README.md'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'test-results', '__snapshots__']);
const TEXT_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.md', '.yaml', '.yml', '.json', '.html', '.css']);
const OLD_SHEET_NAME = /k8s-token-facts/;

interface TextFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

/** Something found on a line: a cited section id, or a link target. */
interface Found {
  line: number;
  value: string;
}

function walk(relPath: string): string[] {
  const absolute = join(REPO_ROOT, relPath);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return TEXT_EXTENSIONS.has(extname(relPath)) ? [relPath] : [];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && SKIPPED_DIRS.has(entry.name)))
    .flatMap((entry) => walk(`${relPath}/${entry.name}`));
}

function scannedFiles(): TextFile[] {
  return SCANNED_ROOTS.flatMap(walk)
    .filter((path) => path !== THIS_FILE)
    .map((path) => ({ path, text: readFileSync(join(REPO_ROOT, path), 'utf8') }));
}

/** Fenced code blocks can hold `#` comments and `[x](y)` that are neither headings nor links. */
function withoutFencedCode(markdown: string): string {
  return markdown.replace(/^```.*?^```/gms, (block) => block.replace(/[^\n]/g, ' '));
}

/** The section ids the sheet defines: `## 2. …` ⇒ "2", `### 2.4 …` ⇒ "2.4", `## Appendix: …` ⇒ "Appendix". */
function sectionHeadings(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const line of withoutFencedCode(markdown).split('\n')) {
    const numbered = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (numbered) ids.add(numbered[1]!);
    if (/^#{1,6}\s+Appendix\b/.test(line)) ids.add('Appendix');
  }
  return ids;
}

function sectionsIn(span: string): string[] {
  const sections = [...span.matchAll(/§(\d+(?:\.\d+)*)/g)].map((m) => m[1]!);
  return /\bAppendix\b/.test(span) ? [...sections, 'Appendix'] : sections;
}

/**
 * Sections cited after a mention of the sheet, up to the end of that line or the first `)` (so "…(docs/
 * kubernetes-facts.md §2.5 client side, §5 leeway): …" cites §2.5 and §5, and an RFC's § later on the line is not read).
 */
function citationsIn(text: string): Found[] {
  return text.split('\n').flatMap((lineText, index) =>
    [...lineText.matchAll(/kubernetes-facts\.md([^)\n]*)/g)].flatMap((m) =>
      sectionsIn(m[1]!).map((value) => ({ line: index + 1, value })),
    ),
  );
}

/** Inside the sheet every `§N` is a cross-reference to the sheet itself. */
function crossReferencesIn(markdown: string): Found[] {
  return withoutFencedCode(markdown)
    .split('\n')
    .flatMap((lineText, index) => sectionsIn(lineText).map((value) => ({ line: index + 1, value })));
}

/** Relative link targets of a markdown file (images included), without their `#fragment`; web and mail links skipped. */
function relativeLinksIn(markdown: string): Found[] {
  const prose = withoutFencedCode(markdown).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  return prose.split('\n').flatMap((lineText, index) =>
    [...lineText.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
      .map((m) => m[1]!.split('#')[0] ?? '')
      .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((value) => ({ line: index + 1, value })),
  );
}

/** Every problem found, one line each, as `path:line: what`, in file order and line order. */
function citationProblems(files: TextFile[], headings: Set<string>, exists: (repoPath: string) => boolean): string[] {
  return files.flatMap((file) => {
    const found: Found[] = [];
    file.text.split('\n').forEach((lineText, index) => {
      if (OLD_SHEET_NAME.test(lineText)) {
        found.push({ line: index + 1, value: `names the old fact sheet; cite ${FACT_SHEET} §N instead` });
      }
    });
    const citations = file.path === FACT_SHEET ? crossReferencesIn(file.text) : citationsIn(file.text);
    for (const { line, value: section } of citations) {
      if (!headings.has(section)) found.push({ line, value: `cites §${section}, which ${FACT_SHEET} has no heading for` });
    }
    const isDocument = file.path === 'README.md' || /^docs\/[^/]+\.md$/.test(file.path);
    for (const { line, value: target } of isDocument ? relativeLinksIn(file.text) : []) {
      const repoPath = relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file.path), decodeURI(target)));
      if (repoPath.startsWith('..') || !exists(repoPath)) {
        found.push({ line, value: `links to ${target}, which is not a file in the repository` });
      }
    }
    return found.sort((a, b) => a.line - b.line).map(({ line, value }) => `${file.path}:${line}: ${value}`);
  });
}

const existsInRepo = (repoPath: string) => existsSync(join(REPO_ROOT, repoPath));
const realHeadings = () => sectionHeadings(readFileSync(join(REPO_ROOT, FACT_SHEET), 'utf8'));

describe('fact-sheet citations and document links', () => {
  it('finds the fixed section numbers as headings of the sheet', () => {
    const headings = realHeadings();
    for (const id of ['1', '2', '2.1', '2.5', '3', '4', '5', '6', '7', 'Appendix', '8', '8.1', '8.3.1', '8.10', '8.14']) {
      expect(headings, `§${id}`).toContain(id);
    }
  });

  it('every citation in the code, tests and documents names a section that exists, and every link resolves', () => {
    const files = scannedFiles();
    expect(files.map((f) => f.path)).toContain(FACT_SHEET);
    expect(files.filter((f) => citationsIn(f.text).length > 0).length).toBeGreaterThan(10);
    expect(citationProblems(files, realHeadings(), existsInRepo)).toEqual([]);
  });

  it('reports a made-up section, the old sheet name and a link to a missing file', () => {
    const files: TextFile[] = [
      { path: 'shared/engine/example.ts', text: '// one rule (docs/kubernetes-facts.md §1, §99 step 2): the other\n' },
      { path: 'test/example.test.ts', text: '/** (docs/kubernetes-facts.md §8.99.1 and the Appendix) */\n// see k8s-token-facts.md §1\n' },
      { path: 'README.md', text: 'Read [the facts](docs/kubernetes-facts.md) and [old notes](../shared/reference/notes.md).\n' },
      { path: 'docs/example.md', text: '```\n[not a link](nowhere.md)\n```\nSee [the model](modelling.md#kubelet) and [a plan](plan.md).\n' },
    ];
    expect(citationProblems(files, realHeadings(), existsInRepo)).toEqual([
      `shared/engine/example.ts:1: cites §99, which ${FACT_SHEET} has no heading for`,
      `test/example.test.ts:1: cites §8.99.1, which ${FACT_SHEET} has no heading for`,
      `test/example.test.ts:2: names the old fact sheet; cite ${FACT_SHEET} §N instead`,
      'README.md:1: links to ../shared/reference/notes.md, which is not a file in the repository',
      'docs/example.md:4: links to plan.md, which is not a file in the repository',
    ]);
  });

  it('reads several sections from one citation and ignores an RFC section later on the line', () => {
    expect(citationsIn('x (docs/kubernetes-facts.md §4/§5, §2.5 "Client side") per RFC 7515 §2').map((c) => c.value)).toEqual([
      '4',
      '5',
      '2.5',
    ]);
  });
});
