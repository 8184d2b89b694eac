// Send the fix: Compose Review Reply asks here for the reviewer's change to a patch — the diff of
// its latest edited copy against the patch as sent — and for the one claim of testing that the
// explorations allow (none while they run kpr's model rather than the text).
import * as vscode from 'vscode';
import type { SuggestedChange } from '../../review/suggestion';
import { compareBehaviour, testedClaim } from '../../versions/behaviour';
import { readEdited } from '../../versions/edited-text';
import { suggestedChange } from '../../versions/suggested-change';
import type { Findings } from '../findings';
import { errorMessage, type KprLog } from '../log';
import { readSettings } from '../settings';
import type { EditedCopies } from './edited-copies';

export interface ReplySuggestion {
  readonly suggestion?: SuggestedChange;
  readonly notices: readonly string[];
}

export class ReplySuggestions {
  constructor(private readonly copies: EditedCopies, private readonly findings: Findings, private readonly log: KprLog) {}

  /** The document a reply answers: an edited copy's original (the mail as sent), else the document itself. */
  async replyTarget(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    const sent = this.copies.asSent(document);
    if (!sent) return document;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === sent.uri.toString()) ?? vscode.workspace.openTextDocument(sent.uri);
  }

  async suggestionFor(original: vscode.TextDocument): Promise<ReplySuggestion> {
    const copy = this.copies.copiesOf(original)[0];
    const sent = copy ? this.copies.asSent(copy) : undefined;
    if (!copy || !sent) return { notices: [] };
    const edited = readEdited(sent.text, sent.patch, copy.getText(), { maxBytes: readSettings().maxFileSizeMB * 1024 * 1024 });
    const change = suggestedChange(sent.patch, edited.patch);
    const notices = [...change.notices];
    if (change.text === '') return { notices: [...notices, 'Your edited copy changes no line of the post-image: no suggested change was added.'] };
    const { tested, why } = await this.claim(original, copy);
    if (!tested) notices.push(`The suggested change says nothing about testing: ${why}`);
    return { suggestion: { diff: change.text, ...(tested ? { tested } : {}) }, notices };
  }

  /** The tested claim, or why none can be made (said in the reply's notices). */
  private async claim(original: vscode.TextDocument, copy: vscode.TextDocument): Promise<{ tested?: string; why: string }> {
    try {
      const comparison = compareBehaviour(await this.findings.explore(original), await this.findings.explore(copy));
      const tested = testedClaim(comparison);
      if (tested) return { tested, why: '' };
      const why = !comparison.ranAsWritten ? 'kpr\'s exploration could not run both texts as written (the interpreter refuses one: see the Problems panel).'
        : !comparison.complete ? 'an exploration was cut short by the editor\'s time budget, so not every scenario ran.'
          : 'the edited text has findings the sent one has not.';
      return { why };
    } catch (error) {
      // No exploration, no claim: the reply is still worth sending.
      this.log.warn(`versions: no testing claim for the reply, the exploration failed: ${errorMessage(error)}`);
      return { why: 'no exploration of both texts is available.' };
    }
  }
}
