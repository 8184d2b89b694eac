// Outline and breadcrumbs: the pure outline (src/patch/outline.ts) translated to VS Code's
// symbols. Its ranges already contain their selection ranges, which VS Code insists on.
import * as vscode from 'vscode';
import { patchOutline, type OutlineKind, type OutlineSymbol } from '../../patch/outline';
import { toRange } from '../convert';
import type { PatchDocuments } from '../patch-documents';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  mail: vscode.SymbolKind.Module,
  file: vscode.SymbolKind.File,
  function: vscode.SymbolKind.Function,
  section: vscode.SymbolKind.Namespace,
};

export class PatchOutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: PatchDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const lineLength = (line: number) => (line < document.lineCount ? document.lineAt(line).text.length : 0);
    return patchOutline(this.documents.get(document), lineLength).map(toDocumentSymbol);
  }
}

function toDocumentSymbol(symbol: OutlineSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, SYMBOL_KINDS[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange));
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}
