// Compose Review Reply: the drafts of a patch document become one reply mail per commented mail,
// opened as a new .eml document beside the patch (saved where the reviewer chooses).
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeReply, mailIndexAt } from '../../review/compose';
import { REVIEW_TRAILER_KINDS, trailerKindsFrom, type ReviewTrailerKind } from '../../review/trailers';
import { PATCH_LANGUAGE_ID } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import type { ReplySuggestions } from '../versions/reply-suggestion';
import type { ReviewComments } from './comments';
import { toUri } from './comments';
import { reviewerIdentity } from './identity';
import { readReviewSettings } from './settings';

export interface ComposeOptions {
  /** The trailers to give; when absent the reviewer picks them (settings preselected). */
  readonly trailers?: readonly string[];
}

export interface ComposeResult {
  readonly uri: string;
  readonly text: string;
  readonly notices: readonly string[];
}

async function pickTrailers(): Promise<ReviewTrailerKind[] | undefined> {
  const preset = readReviewSettings().trailers;
  const picked = await vscode.window.showQuickPick(
    REVIEW_TRAILER_KINDS.map((kind) => ({ label: kind, picked: preset.includes(kind) })),
    { canPickMany: true, title: 'Trailers to give in the reply', placeHolder: 'None for a reply with comments only' },
  );
  return picked?.map((p) => p.label as ReviewTrailerKind);
}

/**
 * A path for the new reply that no file holds yet: in the reviewer's workspace (the patch may sit
 * in a read-only place such as the extension's sample), else beside the patch, else in tmp.
 * `skipped` are untitled paths found holding text already (see openReply).
 */
function replyPath(document: vscode.TextDocument, fileName: string, skipped: ReadonlySet<string>): string {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const dir = folder?.uri.scheme === 'file' ? folder.uri.fsPath : document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : os.tmpdir();
  const stem = fileName.replace(/\.eml$/, '');
  const taken = (candidate: string): boolean =>
    skipped.has(candidate) || fs.existsSync(candidate) || vscode.workspace.textDocuments.some((d) => d.uri.fsPath === candidate);
  let candidate = path.join(dir, fileName);
  for (let n = 2; taken(candidate); n++) candidate = path.join(dir, `${stem}-${n}.eml`);
  return candidate;
}

/** How many names openReply tries before it gives up (each was an earlier reply still holding text). */
const REPLY_NAME_TRIES = 50;

async function openReply(document: vscode.TextDocument, fileName: string, text: string): Promise<vscode.TextDocument> {
  // An untitled reply closed a moment ago can outlive its editor in the workbench for a while
  // after the extension host has dropped it from textDocuments: opening the same name then gives
  // back the old text, and inserting would append the new reply to it. Such a name is skipped.
  const skipped = new Set<string>();
  for (let attempt = 0; attempt < REPLY_NAME_TRIES; attempt++) {
    const candidate = replyPath(document, fileName, skipped);
    const uri = vscode.Uri.file(candidate).with({ scheme: 'untitled' });
    const reply = await vscode.workspace.openTextDocument(uri);
    if (reply.getText() !== '') {
      skipped.add(candidate);
      continue;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
    const shown = reply.languageId === PATCH_LANGUAGE_ID ? reply : await vscode.languages.setTextDocumentLanguage(reply, PATCH_LANGUAGE_ID);
    await vscode.window.showTextDocument(shown, { preview: false });
    return shown;
  }
  throw new Error(`every name tried for the reply (${fileName} and ${REPLY_NAME_TRIES - 1} more) holds an earlier reply`);
}

export function registerCompose(documents: PatchDocuments, comments: ReviewComments, suggestions?: ReplySuggestions): vscode.Disposable {
  return vscode.commands.registerCommand('kpr.review.composeReply', async (uriArg?: unknown, options?: ComposeOptions): Promise<ComposeResult[]> => {
    try {
      return await compose(documents, comments, uriArg, options, suggestions);
    } catch (error) {
      void vscode.window.showErrorMessage(`kpr could not compose the reply: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });
}

async function compose(documents: PatchDocuments, comments: ReviewComments, uriArg: unknown, options: ComposeOptions | undefined, suggestions: ReplySuggestions | undefined): Promise<ComposeResult[]> {
  const uri = toUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
  const opened = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri) : undefined;
  // From an edited copy (Try a Change), the reply answers the mail as sent, with the edit as a suggestion.
  const document = opened && suggestions ? await suggestions.replyTarget(opened) : opened;
  const leftOnCopy = opened && document !== opened ? comments.commentsOf(opened.uri).length : 0;
  if (!document || document.languageId !== PATCH_LANGUAGE_ID) {
    void vscode.window.showWarningMessage('Compose Review Reply works on a patch mail: open one first.');
    return [];
  }
  const patch = documents.get(document);
  if (patch.mails.length === 0) {
    void vscode.window.showWarningMessage('kpr found no mail in this document to reply to.');
    return [];
  }
  const drafts = comments.commentsOf(document.uri);
  const cursor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection.active.line : 0;
  const mailIndexes = [...new Set(drafts.map((c) => mailIndexAt(patch, c.line)).filter((i): i is number => i !== undefined))];
  if (mailIndexes.length === 0) mailIndexes.push(mailIndexAt(patch, cursor) ?? 0);
  const trailers = options?.trailers !== undefined ? trailerKindsFrom(options.trailers) : await pickTrailers();
  if (trailers === undefined) return [];
  const identity = await reviewerIdentity(document);
  const lines = document.getText().split(/\r?\n/);
  const offered = suggestions ? await suggestions.suggestionFor(document) : { notices: [] };
  const results: ComposeResult[] = [];
  for (const [n, mailIndex] of mailIndexes.entries()) {
    // The change goes once, in the first reply.
    const suggestion = n === 0 ? offered.suggestion : undefined;
    const reply = composeReply({
      patch, documentLines: lines, mailIndex, identity, trailers,
      comments: drafts.filter((c) => mailIndexAt(patch, c.line) === mailIndex),
      date: new Date(), utcOffsetMinutes: -new Date().getTimezoneOffset(),
      ...(suggestion ? { suggestion } : {}),
    });
    const notices = [...reply.notices, ...(n === 0 ? offered.notices : [])];
    if (n === 0 && leftOnCopy > 0) notices.push(`${leftOnCopy} comment(s) on the edited copy were left out: the reply quotes the patch as sent; comment there.`);
    const shown = await openReply(document, reply.fileName, reply.text);
    results.push({ uri: shown.uri.toString(), text: shown.getText(), notices });
    if (notices.length > 0) void vscode.window.showInformationMessage(`Review reply composed. ${notices.join(' ')}`);
  }
  return results;
}
