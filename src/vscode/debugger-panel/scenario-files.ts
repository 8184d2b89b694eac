// Loads and saves scenarios as JSON files in the spec's format (the same files `kpr simulate`
// reads), through VS Code's file dialogs and file system (so it works in remote windows too).
import * as vscode from 'vscode';
import { readScenarioJson, scenarioErrorText } from '../../kernel/scenario-input';
import type { ScenarioJson } from '../../shared/debugger-protocol';

const FILTERS = { 'Scenario JSON': ['json'] };

/** The scenario a file holds, or the error line naming the file and what is wrong. */
export async function readScenarioFile(uri: vscode.Uri): Promise<{ ok: true; scenario: ScenarioJson } | { ok: false; error: string }> {
  const read = readScenarioJson(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  return read.ok ? { ok: true, scenario: read.json } : { ok: false, error: scenarioErrorText(read.error, uri.path.split('/').pop()) };
}

export async function loadScenarioFile(): Promise<ScenarioJson | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: FILTERS, openLabel: 'Load Scenario' });
  if (!picked || picked.length === 0) return undefined;
  const result = await readScenarioFile(picked[0]);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.error);
    return undefined;
  }
  return result.scenario;
}

export async function saveScenarioFile(scenario: ScenarioJson): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({ filters: FILTERS, saveLabel: 'Save Scenario' });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(scenario, null, 2) + '\n'));
  return target;
}
