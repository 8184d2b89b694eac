// Outline and breadcrumbs: mail → file → hunk, each hunk named by the function it changes.
import * as vscode from 'vscode';
import { countChanges } from '../../patch/diffstat';
import { displayPath, seriesLabel } from '../../patch/display';
import type { FilePatch, Hunk, Mail } from '../../patch/model';
import { lineRange, toRange } from '../convert';
import type { PatchDocuments } from '../patch-documents';

export class PatchOutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: PatchDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return this.documents.get(document).mails.map((mail) => mailSymbol(document, mail));
  }
}

function mailSymbol(document: vscode.TextDocument, mail: Mail): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    mail.subject || '(no subject)',
    seriesLabel(mail),
    vscode.SymbolKind.Module,
    toRange(mail.range),
    lineRange(document, mail.subjectLine),
  );
  symbol.children = mail.files.map((file) => fileSymbol(document, file));
  return symbol;
}

function fileSymbol(document: vscode.TextDocument, file: FilePatch): vscode.DocumentSymbol {
  const { added, removed } = countChanges(file);
  const symbol = new vscode.DocumentSymbol(
    displayPath(file),
    `+${added} −${removed}`,
    vscode.SymbolKind.File,
    toRange(file.range),
    lineRange(document, file.headerLine),
  );
  symbol.children = file.hunks.map((hunk) => hunkSymbol(document, hunk));
  return symbol;
}

function hunkSymbol(document: vscode.TextDocument, hunk: Hunk): vscode.DocumentSymbol {
  return new vscode.DocumentSymbol(
    hunkName(hunk),
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    hunk.functionName ? vscode.SymbolKind.Function : vscode.SymbolKind.Namespace,
    toRange(hunk.range),
    lineRange(document, hunk.headerLine),
  );
}

export function hunkName(hunk: Hunk): string {
  return hunk.functionName ?? (hunk.section.trim() || `lines ${hunk.newStart}–${hunk.newStart + Math.max(0, hunk.newLines - 1)}`);
}
