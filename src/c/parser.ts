// The C front end's parser: tree-sitter-c compiled to WebAssembly, run by web-tree-sitter. It is
// loaded once per process (async: the wasm must be instantiated) and then parses synchronously.
// The .wasm files sit beside the esbuild bundles in dist/ (scripts/build.mjs copies them); the
// tsc output in out/ (tests) finds them through the packages instead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Node as SyntaxNode } from 'web-tree-sitter';

export type { SyntaxNode };

/** A parser ready to use: parse(text) returns the translation unit's root node. */
export interface CParser {
  parse(text: string): SyntaxNode;
}

let loading: Promise<CParser> | undefined;

function wasmPath(bundled: string, packaged: string): string {
  const beside = join(__dirname, bundled);
  return existsSync(beside) ? beside : require.resolve(packaged);
}

/** The shared C parser (loads tree-sitter on first call). */
export function loadCParser(): Promise<CParser> {
  loading ??= load();
  return loading;
}

async function load(): Promise<CParser> {
  // The CommonJS build by name: esbuild would pick the ESM one for an import, which needs
  // import.meta, and the bundles are CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  const runtimeWasm = wasmPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtimeWasm } as unknown as Parameters<typeof Parser.init>[0]);
  const language = await Language.load(wasmPath('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text: string): SyntaxNode {
      const tree = parser.parse(text);
      if (tree === null) throw new Error('tree-sitter returned no tree');
      return tree.rootNode;
    },
  };
}
