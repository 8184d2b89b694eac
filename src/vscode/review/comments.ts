// Review comments on patch mails through VS Code's Comments API: any line of a patch document
// (context lines, headers, the commit message) can carry a thread; every comment is a draft
// until the reviewer composes and sends the reply.
import * as vscode from 'vscode';
import type { ReviewComment } from '../../review/quote';
import { PATCH_LANGUAGE_ID, REVIEW_COMMENT_CONTROLLER_ID, ReviewCommands } from '../ids';

const DRAFT = 'draft';

class DraftComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  label = 'Draft';
  contextValue = DRAFT;
  constructor(public body: string | vscode.MarkdownString, public author: vscode.CommentAuthorInformation, public parent: vscode.CommentThread) {}
}

function bodyText(body: string | vscode.MarkdownString): string {
  return typeof body === 'string' ? body : body.value;
}

export class ReviewComments implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(REVIEW_COMMENT_CONTROLLER_ID, 'Kernel Patch Review');
  private readonly threads = new Set<vscode.CommentThread>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly author: () => string) {
    this.controller.options = { prompt: 'Review comment (a draft until you compose the reply)', placeHolder: 'Comment on this line for the reply mail' };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (document.languageId === PATCH_LANGUAGE_ID && document.lineCount > 0 ? [new vscode.Range(0, 0, document.lineCount - 1, 0)] : []),
    };
    this.subscriptions.push(
      this.controller,
      vscode.commands.registerCommand(ReviewCommands.addComment, (reply: vscode.CommentReply) => this.reply(reply)),
      vscode.commands.registerCommand(ReviewCommands.addCommentAt, (uri: unknown, line: unknown, body: unknown) => this.addAt(uri, line, body)),
      vscode.commands.registerCommand(ReviewCommands.deleteComment, (comment: DraftComment) => this.deleteComment(comment)),
      vscode.commands.registerCommand(ReviewCommands.deleteThread, (thread: vscode.CommentThread) => this.deleteThread(thread)),
      vscode.commands.registerCommand(ReviewCommands.discardComments, (uri?: unknown) => this.discard(uri)),
      vscode.commands.registerCommand(ReviewCommands.listComments, (uri?: unknown) => {
        const target = toUri(uri) ?? vscode.window.activeTextEditor?.document.uri;
        return target ? this.commentsOf(target) : [];
      }),
    );
  }

  /** The drafts on a document, each at the last line of its thread's range. */
  commentsOf(uri: vscode.Uri): ReviewComment[] {
    const key = uri.toString();
    const out: ReviewComment[] = [];
    for (const thread of this.threads) {
      if (thread.uri.toString() !== key || !thread.range) continue;
      for (const comment of thread.comments) out.push({ line: thread.range.end.line, body: bodyText(comment.body) });
    }
    return out.sort((a, b) => a.line - b.line);
  }

  private newComment(text: string, thread: vscode.CommentThread): DraftComment {
    return new DraftComment(text, { name: this.author() }, thread);
  }

  private track(thread: vscode.CommentThread): void {
    thread.canReply = true;
    thread.contextValue = DRAFT;
    thread.label = 'Review draft';
    this.threads.add(thread);
  }

  private reply(reply: vscode.CommentReply | undefined): void {
    if (!reply?.thread || reply.text.trim() === '') return;
    const thread = reply.thread;
    thread.comments = [...thread.comments, this.newComment(reply.text, thread)];
    this.track(thread);
  }

  /** Adds a draft at a line (0-based), returns false when the arguments do not name one. */
  addAt(uri: unknown, line: unknown, body: unknown): boolean {
    const target = toUri(uri);
    if (!target || typeof line !== 'number' || !Number.isInteger(line) || line < 0 || typeof body !== 'string' || body.trim() === '') return false;
    const range = new vscode.Range(line, 0, line, 0);
    const existing = [...this.threads].find((t) => t.uri.toString() === target.toString() && t.range?.end.line === line);
    if (existing) {
      existing.comments = [...existing.comments, this.newComment(body, existing)];
      return true;
    }
    const thread = this.controller.createCommentThread(target, range, []);
    thread.comments = [this.newComment(body, thread)];
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    this.track(thread);
    return true;
  }

  private deleteComment(comment: DraftComment | undefined): void {
    const thread = comment?.parent;
    if (!thread) return;
    thread.comments = thread.comments.filter((c) => c !== comment);
    if (thread.comments.length === 0) this.deleteThread(thread);
  }

  private deleteThread(thread: vscode.CommentThread | undefined): void {
    if (!thread) return;
    this.threads.delete(thread);
    thread.dispose();
  }

  private discard(uri: unknown): void {
    const target = toUri(uri) ?? vscode.window.activeTextEditor?.document.uri;
    for (const thread of [...this.threads]) if (!target || thread.uri.toString() === target.toString()) this.deleteThread(thread);
  }

  dispose(): void {
    for (const thread of this.threads) thread.dispose();
    this.threads.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A Uri from a command argument (Uri or string), or undefined. */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
