// Loads and saves scenarios as JSON files in the spec's format (the same files `kpr simulate`
// reads), through VS Code's file dialogs and file system (so it works in remote windows too).
import * as vscode from 'vscode';
import { isRecord, type ScenarioJson } from '../../shared/debugger-protocol';

const FILTERS = { 'Scenario JSON': ['json'] };

/** Parses a scenario file's text; the error names what is wrong. */
export function parseScenarioText(text: string): { ok: true; scenario: ScenarioJson } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  return isRecord(json) ? { ok: true, scenario: json } : { ok: false, error: 'a scenario is a JSON object ({ "variant": …, "ops": […] })' };
}

export async function readScenarioFile(uri: vscode.Uri): Promise<{ ok: true; scenario: ScenarioJson } | { ok: false; error: string }> {
  return parseScenarioText(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

export async function loadScenarioFile(): Promise<ScenarioJson | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: FILTERS, openLabel: 'Load Scenario' });
  if (!picked || picked.length === 0) return undefined;
  const result = await readScenarioFile(picked[0]);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${picked[0].path.split('/').pop()}: ${result.error}`);
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
