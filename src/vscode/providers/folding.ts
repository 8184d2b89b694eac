// Folding on the parsed structure (mail, file, hunk), never on a bare /^@@/ scan: a hunk's fold
// ends on its own last line and so never swallows the next file's header.
import * as vscode from 'vscode';
import type { DocRange } from '../../patch/model';
import type { PatchDocuments } from '../patch-documents';

export class PatchFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly documents: PatchDocuments) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    const add = (start: number, range: DocRange) => {
      const end = lastLineOf(range);
      if (end > start) ranges.push(new vscode.FoldingRange(start, end, vscode.FoldingRangeKind.Region));
    };
    for (const mail of this.documents.get(document).mails) {
      add(mail.range.start.line, mail.range);
      for (const file of mail.files) {
        add(file.headerLine, file.range);
        for (const hunk of file.hunks) add(hunk.headerLine, hunk.range);
      }
    }
    return ranges;
  }
}

/** The last line a half-open range covers. */
function lastLineOf(range: DocRange): number {
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
}
