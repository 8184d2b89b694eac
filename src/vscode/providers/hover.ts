// Hover on a patch mail: the Markdown comes from src/hover (no editor there); this only feeds it
// the document's parse, mapping and findings, and trusts kpr's own hover commands in it.
import * as vscode from 'vscode';
import { patchHoverMarkdown } from '../../hover/patch-hover';
import { Commands, HOVER_COMMANDS } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import type { FindingsStore } from '../findings';

export class PatchHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: PatchDocuments, private readonly findings: FindingsStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = patchHoverMarkdown({
      patch: this.documents.get(document),
      mapping: this.documents.mapping(document),
      documentUri: document.uri.toString(),
      findingsAt: (line) => this.findings.findingsAt(document, line),
      commands: Commands,
    }, position.line);
    if (text === undefined) return undefined;
    const markdown = new vscode.MarkdownString(text);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    markdown.supportThemeIcons = true;
    return new vscode.Hover(markdown, document.lineAt(position.line).range);
  }
}
