/**
 * No import cycles, at two levels, over the modules that run (shared/, renderer/, electron/):
 * - between files: a module never imports, directly or through others, a module that imports it;
 * - between folders: `shared/figure`, `renderer/app`, `electron/cli`, … (the first two path segments; files directly
 *   in `electron/` form a folder of their own) depend on each other one way only, so layers stay layers.
 * Type-only imports (`import type`, `export type`) are left out: they are erased and load nothing. Dynamic `import()`
 * counts. The graph is read once per lint run from the files on disk, with TypeScript's parser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOTS = ['shared', 'renderer', 'electron'];
const SOURCE = /\.(ts|tsx)$/;

/** Relative specifiers of the imports in `text` that load code at run time. */
function runtimeImports(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((spec) => spec.startsWith('.'));
}

function folderOf(file) {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${parts[0]}/`;
}

/** Tarjan's strongly connected components with more than one member: each is a cycle. */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

let analysis;

/** The import graph of the project at `root` (relative POSIX paths) and the cycles in it. */
function analyse(root) {
  if (analysis?.root === root) return analysis;
  const files = ROOTS.flatMap((dir) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
          .map((f) => `${dir}/${f.replaceAll('\\', '/')}`)
          .filter((f) => SOURCE.test(f) && !f.includes('/node_modules/'))
      : [],
  );
  const known = new Set(files);
  const edges = new Map();
  for (const file of files) {
    const targets = runtimeImports(file, readFileSync(path.join(root, file), 'utf8'))
      .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.split('?')[0])))
      .filter((target) => known.has(target));
    edges.set(file, new Set(targets));
  }
  const fileCycle = new Map();
  for (const component of cycles(edges)) for (const file of component) fileCycle.set(file, new Set(component));
  const folders = new Map();
  for (const [file, targets] of edges) {
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const target of targets) if (folderOf(target) !== from) folders.get(from).add(folderOf(target));
  }
  const folderCycle = new Map();
  for (const component of cycles(folders)) for (const folder of component) folderCycle.set(folder, new Set(component));
  analysis = { root, fileCycle, folderCycle };
  return analysis;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles between modules and between folders' },
    messages: {
      file: '{{from}} imports {{to}}, which imports it back (through {{others}}): break the cycle, e.g. by moving what both need into a module of its own.',
      folder: '{{fromFolder}}/ imports {{toFolder}}/, which imports {{fromFolder}}/ back (folders {{others}}): folders depend one way only.',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).replaceAll('\\', '/');
    if (!ROOTS.some((dir) => file.startsWith(`${dir}/`))) return {};
    const { fileCycle, folderCycle } = analyse(root);
    const check = (node, spec, typeOnly) => {
      if (typeOnly || typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.split('?')[0]));
      const members = fileCycle.get(file);
      if (members?.has(target)) {
        context.report({ node, messageId: 'file', data: { from: file, to: target, others: [...members].filter((f) => f !== file && f !== target).join(', ') || 'nothing else' } });
        return;
      }
      const from = folderOf(file);
      const to = folderOf(target);
      const folders = folderCycle.get(from);
      if (from !== to && folders?.has(to)) context.report({ node, messageId: 'folder', data: { fromFolder: from.replace(/\/$/, ''), toFolder: to.replace(/\/$/, ''), others: [...folders].join(', ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};
