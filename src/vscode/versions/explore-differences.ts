// The Explore Differences view: the scenarios whose outcome changed between two texts of a patch
// ("as sent" and "as edited", or two versions), each change with Debug This Scenario. It says so
// when the explorations did not run the texts as written, rather than claiming no difference.
import * as vscode from 'vscode';
import { behaviourSummary, compareBehaviour, type BehaviourChange, type BehaviourComparison } from '../../versions/behaviour';
import type { ScenarioJson } from '../../explore';
import { documentName } from '../document-name';
import type { Findings } from '../findings';
import { errorMessage, type KprLog } from '../log';
import { Commands } from '../ids';
import type { EditedCopies } from './edited-copies';

export const EXPLORE_DIFFERENCES_VIEW_ID = 'kpr.exploreDifferences';

export interface ComparedTexts {
  readonly title: string;
  readonly before: vscode.TextDocument;
  readonly after: vscode.TextDocument;
  readonly comparison: BehaviourComparison;
}

type Node =
  | { readonly kind: 'scenario'; readonly scenario: ScenarioJson; readonly changes: readonly BehaviourChange[] }
  | { readonly kind: 'change'; readonly change: BehaviourChange };

/** What the view shows, for tests and the Compare Patch Versions document. */
export interface DifferencesSnapshot {
  readonly title?: string;
  readonly message: string;
  readonly scenarios: readonly { readonly label: string; readonly changes: readonly string[] }[];
}

export class ExploreDifferencesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private shown: ComparedTexts | undefined;
  private readonly treeChanged = new vscode.EventEmitter<Node | undefined>();
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [this.treeChanged];
  readonly onDidChangeTreeData = this.treeChanged.event;

  constructor(private readonly copies: EditedCopies, private readonly findings: Findings, private readonly log: KprLog) {
    this.view = vscode.window.createTreeView(EXPLORE_DIFFERENCES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      findings.onDidChange((d) => this.follow(d)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e.document)),
    );
    this.render();
  }

  /** Shows a comparison (Compare Patch Versions, or an edited copy against its original). */
  show(compared: ComparedTexts): void {
    this.shown = compared;
    this.render();
  }

  snapshot(): DifferencesSnapshot {
    const scenarios = this.scenarioNodes().map((n) => ({ label: scenarioLabel(n), changes: n.changes.map(changeLabel) }));
    return { ...(this.shown ? { title: this.shown.title } : {}), message: this.message(), scenarios };
  }

  /** An edited copy (or its original) whose findings changed: compare the two when both are explored. */
  private follow(document: vscode.TextDocument): void {
    this.followEdits(document).catch((error: unknown) => this.log.error(`versions: comparing the edits of ${document.uri.toString()} failed: ${errorMessage(error)}`));
  }

  private async followEdits(document: vscode.TextDocument): Promise<void> {
    const sent = this.copies.asSent(document);
    const copy = sent ? document : this.copies.copiesOf(document)[0];
    const original = sent ?? (copy ? this.copies.asSent(copy) : undefined);
    if (!copy || !original) return;
    const before = vscode.workspace.textDocuments.find((d) => d.uri.toString() === original.uri.toString());
    const after = this.findings.current(copy);
    const sentReport = before ? this.findings.current(before) : undefined;
    if (!before || !after || !sentReport) return;
    this.show({ title: `as sent → as edited (${documentName(copy.uri)})`, before, after: copy, comparison: compareBehaviour(sentReport, after) });
  }

  private message(): string {
    if (!this.shown) return 'Try a Change… on a patch, or Compare Patch Versions, to see the scenarios whose outcome changed.';
    return `${this.shown.title}: ${behaviourSummary(this.shown.comparison)}`;
  }

  private scenarioNodes(): Extract<Node, { kind: 'scenario' }>[] {
    // A comparison of model runs lists nothing: its "no change" is not evidence.
    if (!this.shown?.comparison.ranAsWritten) return [];
    return this.shown.comparison.scenarios.map((s) => ({ kind: 'scenario', scenario: s.scenario, changes: s.changes }));
  }

  private render(): void {
    this.view.message = this.message();
    this.treeChanged.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.scenarioNodes();
    return node.kind === 'scenario' ? node.changes.map((change) => ({ kind: 'change', change })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'scenario') {
      const item = new vscode.TreeItem(scenarioLabel(node), vscode.TreeItemCollapsibleState.Expanded);
      item.description = JSON.stringify(node.scenario);
      item.contextValue = 'scenario';
      item.iconPath = new vscode.ThemeIcon('beaker');
      return item;
    }
    const change = node.change;
    const item = new vscode.TreeItem(changeLabel(change), vscode.TreeItemCollapsibleState.None);
    item.tooltip = change.message;
    item.contextValue = 'change';
    item.iconPath = new vscode.ThemeIcon(change.direction === 'gone' ? 'pass' : 'warning');
    const document = change.direction === 'gone' ? this.shown?.before : this.shown?.after;
    item.command = { title: 'Debug This Scenario', command: Commands.debugScenario, arguments: [change.scenario, document?.uri.toString()] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function scenarioLabel(node: { readonly changes: readonly BehaviourChange[] }): string {
  const gone = node.changes.filter((c) => c.direction === 'gone').length;
  const added = node.changes.length - gone;
  return [gone ? `${gone} fixed` : '', added ? `${added} introduced` : ''].filter(Boolean).join(', ');
}

function changeLabel(change: BehaviourChange): string {
  return `${change.direction === 'gone' ? 'fixed' : 'introduced'}: ${change.kind}${change.variant ? ` (${change.variant})` : ''}`;
}
