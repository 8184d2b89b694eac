// The reviewer's identity from git config (in the patch's folder, so a per-repository identity
// applies), then the settings kpr.review.name / kpr.review.email.
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveIdentity, type Identity } from '../../review/identity';
import { runGit } from './git';
import { readReviewSettings } from './settings';

/**
 * A folder to run git in for this document: its own folder, the workspace's, or home. In
 * Restricted Mode only home: a stranger's repository configuration is not read.
 */
export function folderFor(document: vscode.TextDocument): string {
  if (!vscode.workspace.isTrusted) return os.homedir();
  if (document.uri.scheme === 'file') return path.dirname(document.uri.fsPath);
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
}

async function gitConfig(key: string, cwd: string): Promise<string | undefined> {
  const result = await runGit(['config', '--get', key], cwd, { timeoutMs: 3000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

export async function reviewerIdentity(document: vscode.TextDocument): Promise<Identity> {
  const cwd = folderFor(document);
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  return resolveIdentity({ name, email }, readReviewSettings().identity);
}
