// Compare Patch Versions: two patch documents (v1 and v2 of one series part, recognised by
// subject; or any two the reviewer picks) → a document holding the behavioural difference and
// the interdiff of their post-images, as a unified diff.
import * as vscode from 'vscode';
import { behaviourSummary, compareBehaviour, type BehaviourComparison } from '../../versions/behaviour';
import { interdiff } from '../../versions/interdiff';
import { areVersionsOfOnePart, identityOf, inVersionOrder, versionLabel } from '../../versions/version-pairing';
import { documentName } from '../document-name';
import type { Findings } from '../findings';
import { PatchDocuments } from '../patch-documents';
import type { ExploreDifferencesView } from './explore-differences';

export interface CompareResult {
  readonly uri: string;
  readonly text: string;
  readonly older: string;
  readonly newer: string;
}

async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (typeof arg !== 'string' && !(arg instanceof vscode.Uri)) return undefined;
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

function name(document: vscode.TextDocument): string {
  return documentName(document.uri);
}

/** The other version of the active document among the open ones, or the reviewer's pick. */
async function pickPair(documents: PatchDocuments): Promise<[vscode.TextDocument, vscode.TextDocument] | undefined> {
  const open = vscode.workspace.textDocuments.filter((d) => PatchDocuments.isPatchDocument(d) && !d.isClosed);
  const active = vscode.window.activeTextEditor?.document;
  const first = active && PatchDocuments.isPatchDocument(active) ? active : undefined;
  if (first) {
    const mine = identityOf(documents.get(first));
    const versions = mine ? open.filter((d) => d !== first && areVersionsOfOnePart(mine, identityOf(documents.get(d)) ?? mine)) : [];
    if (versions.length === 1) return [first, versions[0]];
  }
  const pick = async (title: string, exclude?: vscode.TextDocument) => (await vscode.window.showQuickPick(
    open.filter((d) => d !== exclude).map((d) => ({ label: documents.get(d).mails[0]?.subject || name(d), description: name(d), document: d })),
    { title, matchOnDescription: true },
  ))?.document;
  const a = first ?? await pick('Compare Patch Versions: the first version');
  if (!a) return undefined;
  const b = await pick(`Compare Patch Versions: the version to compare with ${name(a)}`, a);
  return b ? [a, b] : undefined;
}

export class CompareVersions {
  constructor(private readonly documents: PatchDocuments, private readonly findings: Findings, private readonly differences: ExploreDifferencesView) {}

  async run(firstArg?: unknown, secondArg?: unknown): Promise<CompareResult | undefined> {
    const given = [await documentOf(firstArg), await documentOf(secondArg)];
    const pair = given[0] && given[1] ? [given[0], given[1]] as const : await pickPair(this.documents);
    if (!pair) return undefined;
    const ids = pair.map((d) => identityOf(this.documents.get(d)));
    const [older, newer] = inVersionOrder({ identity: ids[0], item: pair[0] }, { identity: ids[1], item: pair[1] });
    const diff = interdiff(this.documents.get(older), this.documents.get(newer));
    const behaviour = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'kpr: exploring both versions' },
      async () => compareBehaviour(await this.findings.explore(older), await this.findings.explore(newer)),
    );
    this.differences.show({ title: `${name(older)} → ${name(newer)}`, before: older, after: newer, comparison: behaviour });
    const olderName = versionLabel(identityOf(this.documents.get(older)), name(older));
    const newerName = versionLabel(identityOf(this.documents.get(newer)), name(newer));
    const text = [
      `Interdiff of ${name(older)} (${olderName}) → ${name(newer)} (${newerName}): what changed between their post-images.`,
      ...behaviourLines(behaviour),
      ...diff.notices.map((n) => `Note: ${n}`),
      '',
      diff.text === '' ? 'The two versions show the same post-images.' : diff.text.replace(/\n$/, ''),
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'diff', content: text });
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return { uri: document.uri.toString(), text, older: older.uri.toString(), newer: newer.uri.toString() };
  }
}

function behaviourLines(comparison: BehaviourComparison): string[] {
  const lines = [`Behaviour: ${behaviourSummary(comparison)}`];
  if (!comparison.ranAsWritten) return lines;
  for (const change of comparison.changes) {
    lines.push(`  ${change.direction === 'gone' ? 'gone' : 'new '}: ${change.kind}${change.variant ? ` (${change.variant})` : ''}: ${change.message}`);
  }
  return lines;
}
