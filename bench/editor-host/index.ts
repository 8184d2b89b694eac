// Runs inside the real VS Code extension host (extensionTestsPath) for `npm run bench`: how long
// a reviewer waits, from opening the sample patch, for its outline and its Problems (parser
// diagnostics, then model findings), against opening the same text as plain text in the same
// run; and how long, after an edit to the sample, the Problems panel waits for the findings of
// the edited text (the budget: 1.5 s). Prints one "KPR-BENCH <json>" line per figure for
// bench/editor.mjs to collect.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const RUNS = 5;
/** An edit to the sample must show its findings in Problems within this (issue 13). */
const EDIT_BUDGET_MS = 1500;
const MODEL_SOURCE = 'kpr model';

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly reference?: { readonly name: string; readonly value: number };
  readonly ratio?: number;
}

function report(figure: Figure): void {
  console.log(`KPR-BENCH ${JSON.stringify(figure)}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function hasFindings(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.source === MODEL_SOURCE);
}

/**
 * From an edit of one line (counts unchanged, so no @@ recount follows) to the findings of the
 * edited text in Problems. The findings of the text before the edit are taken off when the edit
 * is parsed; the figure ends at the first diagnostics change after that which shows findings
 * again, on the edited version.
 */
async function editToFindings(document: vscode.TextDocument): Promise<number> {
  const line = document.getText().split('\n').indexOf('+ pid = ERR_PTR(rc);');
  if (line < 0) throw new Error('the sample has no `pid = ERR_PTR(rc);` line to edit');
  let cleared = false;
  let edited = -1;
  let done: (() => void) | undefined;
  const shown = new Promise<void>((resolve) => { done = resolve; });
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    if (!event.uris.some((u) => u.toString() === document.uri.toString())) return;
    if (!hasFindings(document.uri)) cleared = true;
    else if (cleared && document.version === edited) done?.();
  });
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(line).range, '+ pid = ERR_PTR(-EINVAL);');
  const t0 = performance.now();
  if (!await vscode.workspace.applyEdit(edit)) throw new Error('the edit was refused');
  edited = document.version;
  try {
    await Promise.race([shown, new Promise((_, reject) => setTimeout(() => reject(new Error('the findings of the edited text never reached Problems')), 30_000))]);
    return performance.now() - t0;
  } finally {
    subscription.dispose();
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('kpr.kernel-patch-review');
  if (!extension) throw new Error('kpr is not loaded');
  const sample = fs.readFileSync(path.join(extension.extensionPath, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-bench-'));
  // Warm up: activation and first-use compilation are not what a reviewer pays on every open.
  await extension.activate();
  const plain: number[] = [];
  const symbols: number[] = [];
  const diagnostics: number[] = [];
  const findings: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const plainFile = path.join(dir, `plain-${i}.txt`);
    fs.writeFileSync(plainFile, sample);
    let t0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(plainFile)));
    const plainMs = performance.now() - t0;

    const patchFile = path.join(dir, `sample-${i}.patch`);
    fs.writeFileSync(patchFile, sample);
    t0 = performance.now();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(patchFile));
    await vscode.window.showTextDocument(document);
    await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const symbolsMs = performance.now() - t0;
    await until(() => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'kpr') ? true : undefined));
    const diagnosticsMs = performance.now() - t0;
    await until(() => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'kpr model') ? true : undefined));
    const findingsMs = performance.now() - t0;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (i === 0) continue; // the first round warms the caches of both sides
    plain.push(plainMs);
    symbols.push(symbolsMs);
    diagnostics.push(diagnosticsMs);
    findings.push(findingsMs);
  }
  const edits: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const patchFile = path.join(dir, `edited-${i}.patch`);
    fs.writeFileSync(patchFile, sample);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(patchFile));
    await vscode.window.showTextDocument(document);
    await until(() => (hasFindings(document.uri) ? true : undefined));
    const ms = await editToFindings(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (i > 0) edits.push(ms); // the first round warms the worker's caches
  }
  const reference = { name: 'open the same text as plain text', value: median(plain) };
  for (const [name, values] of [['open → outline symbols', symbols], ['open → parser diagnostics', diagnostics], ['open → model findings in Problems', findings]] as const) {
    const value = median([...values]);
    report({ name: `editor: ${name} (median of ${RUNS})`, value, unit: 'ms', reference, ratio: value / reference.value });
  }
  const edit = median(edits);
  report({ name: `editor: edit → its findings in Problems (median of ${RUNS})`, value: edit, unit: 'ms', reference: { name: 'the 1.5 s budget', value: EDIT_BUDGET_MS }, ratio: edit / EDIT_BUDGET_MS });
  await hostileOpen(dir);
}

/**
 * A hostile patch (3.6 MB, a repaired blank context line on every line) opened as a patch: from
 * open to its parser diagnostics, and then whether the editor still answers (a command round
 * trip), against opening the same text as plain text. Nothing may hang on a hostile file.
 */
async function hostileOpen(dir: string): Promise<void> {
  const count = 3_600_000 - 40;
  const text = `diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,${count} +1,${count} @@\n${'\n'.repeat(count)}`;
  const plainFile = path.join(dir, 'hostile-plain.txt');
  fs.writeFileSync(plainFile, text);
  let t0 = performance.now();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(plainFile)));
  const plainMs = performance.now() - t0;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const patchFile = path.join(dir, 'hostile.patch');
  fs.writeFileSync(patchFile, text);
  t0 = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(patchFile));
  await vscode.window.showTextDocument(document);
  await until(() => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'kpr') ? true : undefined), 120_000);
  const diagnosticsMs = performance.now() - t0;
  t0 = performance.now();
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
  const answerMs = performance.now() - t0;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const reference = { name: 'open the same text as plain text', value: plainMs };
  report({ name: 'editor: hostile 3.6 MB patch, open → parser diagnostics', value: diagnosticsMs, unit: 'ms', reference, ratio: diagnosticsMs / plainMs });
  report({ name: 'editor: hostile 3.6 MB patch, then an outline request', value: answerMs, unit: 'ms', reference, ratio: answerMs / plainMs });
}
