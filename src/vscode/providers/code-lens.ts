// CodeLens above each hunk: the function it changes, how many of its executable lines map onto
// the model (click: Go to Model), and "Debug alloc_pid here" at its first mapped line.
import * as vscode from 'vscode';
import { functionOfSection } from '../../explain';
import type { PatchDocuments } from '../patch-documents';
import { Commands } from '../ids';
import type { LineMapping } from '../../mapping';

export class PatchCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly documents: PatchDocuments) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const patch = this.documents.get(document);
    const { mapping } = this.documents.mapping(document);
    const lenses: vscode.CodeLens[] = [];
    for (const fileMapping of mapping.files) {
      const file = patch.mails[fileMapping.mail]?.files[fileMapping.file];
      if (!file) continue;
      for (const hunk of file.hunks) {
        const range = new vscode.Range(hunk.headerLine, 0, hunk.headerLine, 0);
        const own = new Set(hunk.lines.map((l) => l.line));
        const lines = fileMapping.lines.filter((l) => own.has(l.line));
        const functions = [...new Set(lines.map((l) => l.fn).filter((f): f is string => !!f))];
        const name = functions.length ? functions.join(', ') : (functionOfSection(hunk.section) ?? hunk.functionName ?? 'no function');
        const first = lines.find((l) => l.lineClass === 'executable');
        lenses.push(new vscode.CodeLens(range, first
          ? { title: `$(symbol-function) ${name}`, command: Commands.showInModel, arguments: [document.uri.toString(), first.line], tooltip: 'Go to the model of this function' }
          : { title: `$(symbol-function) ${name}`, command: '' }));
        lenses.push(new vscode.CodeLens(range, { title: coverageTitle(fileMapping.modelled, lines), command: '' }));
        if (first) {
          lenses.push(new vscode.CodeLens(range, {
            title: '$(debug-alt) Debug alloc_pid here',
            command: Commands.debugToHere,
            arguments: [document.uri.toString(), first.line],
            tooltip: 'Start the alloc_pid debugger and run to the first line of this hunk that executes',
          }));
        }
      }
    }
    return lenses;
  }
}

function coverageTitle(modelled: boolean, lines: readonly LineMapping[]): string {
  if (!modelled) return 'not modelled';
  const executable = lines.filter((l) => l.lineClass === 'executable' || l.lineClass === 'unmapped').length;
  const mapped = lines.filter((l) => l.lineClass === 'executable').length;
  return executable === 0 ? 'no executable lines' : `${mapped}/${executable} executable lines mapped`;
}
