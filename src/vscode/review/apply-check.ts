// "Check That the Patch Applies": the patch rebuilt from the parse is given to
// `git apply --check -v` in a chosen tree; each failing hunk is reported at its @@ line in its
// own diagnostic collection, beside kpr's other problems.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { readApplyCheck, type ApplyFinding } from '../../review/apply-check';
import { applyablePatch } from '../../review/patch-text';
import { PATCH_LANGUAGE_ID, ReviewCommands } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import { toUri } from './comments';
import { runGit } from './git';
import { readReviewSettings } from './settings';

export const APPLY_SOURCE = 'kpr git apply';

/** Why the check is refused in Restricted Mode: it runs git in a folder on disk. */
export const UNTRUSTED_REFUSAL = 'Check That the Patch Applies runs git apply --check in a kernel tree on disk, which Restricted Mode does not allow. Trust this workspace to use it; reading, explaining and debugging the patch work without.';
const MANAGE_TRUST = 'Manage Workspace Trust';

export interface ApplyCheckResult {
  readonly tree: string;
  readonly applies: boolean;
  readonly findings: readonly ApplyFinding[];
  /** Files the rebuilt patch had to leave out (binary diffs). */
  readonly skipped: readonly string[];
  readonly failure?: string;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

async function isGitTree(dir: string): Promise<boolean> {
  return isDirectory(dir) && (await runGit(['rev-parse', '--is-inside-work-tree'], dir, { timeoutMs: 3000 })).stdout.trim() === 'true';
}

/** The tree: the argument, the setting, the workspace folder when it is a git tree, or one the reviewer picks. */
async function chooseTree(arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string' && arg !== '') return arg;
  const setting = readReviewSettings().applyTree;
  if (setting !== '') return setting;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme === 'file' && await isGitTree(folder.uri.fsPath)) return folder.uri.fsPath;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'The tree to check the patch against (git apply --check)' });
  return picked?.[0]?.fsPath;
}

export class ApplyCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kpr-apply');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly documents: PatchDocuments) {
    this.subscriptions.push(
      this.collection,
      vscode.commands.registerCommand(ReviewCommands.applyCheck, (uri?: unknown, tree?: unknown) => this.run(uri, tree)),
      // The findings belong to one version of the text: an edit makes them stale.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
  }

  async run(uriArg: unknown, treeArg: unknown): Promise<ApplyCheckResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(UNTRUSTED_REFUSAL, MANAGE_TRUST).then((choice) => {
        if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return { tree: '', applies: false, findings: [], skipped: [], failure: 'untrusted workspace' };
    }
    const uri = toUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri) : undefined;
    if (!document || document.languageId !== PATCH_LANGUAGE_ID) {
      void vscode.window.showWarningMessage('Check That the Patch Applies works on a patch mail: open one first.');
      return undefined;
    }
    const tree = await chooseTree(treeArg);
    if (!tree) return undefined;
    if (!isDirectory(tree)) {
      void vscode.window.showWarningMessage(`The tree for git apply --check is not a folder: ${tree}`);
      return { tree, applies: false, findings: [], skipped: [], failure: 'not a folder' };
    }
    const rebuilt = applyablePatch(this.documents.get(document).mails);
    const skipped = rebuilt.skipped.map((s) => `${s.file.newPath}: ${s.reason}`);
    if (rebuilt.text === '') {
      void vscode.window.showInformationMessage('This document has no text diff to check.');
      return { tree, applies: false, findings: [], skipped };
    }
    const result = await runGit(['apply', '--check', '-v'], tree, { input: rebuilt.text, timeoutMs: 30_000 });
    if (result.failure) {
      void vscode.window.showErrorMessage(`kpr could not check the patch: ${result.failure}`);
      return { tree, applies: false, findings: [], skipped, failure: result.failure };
    }
    const findings = readApplyCheck(result.stderr, rebuilt);
    this.collection.set(document.uri, findings.map((f) => {
      const line = Math.min(Math.max(0, f.line), document.lineCount - 1);
      const diagnostic = new vscode.Diagnostic(document.lineAt(line).range, f.message,
        f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Information);
      diagnostic.source = APPLY_SOURCE;
      diagnostic.code = f.severity === 'error' ? 'apply-failed' : 'apply-offset';
      return diagnostic;
    }));
    const applies = result.code === 0;
    const failed = findings.filter((f) => f.severity === 'error').length;
    const note = skipped.length > 0 ? ` (${skipped.length} binary file(s) not checked)` : '';
    if (applies) void vscode.window.showInformationMessage(`The patch applies to ${tree}${note}.`);
    else void vscode.window.showWarningMessage(`The patch does not apply to ${tree}: ${failed} problem(s), shown in the Problems panel${note}.`);
    return { tree, applies, findings, skipped };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
