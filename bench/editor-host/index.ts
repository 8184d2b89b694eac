// Runs inside the real VS Code extension host (extensionTestsPath) for `npm run bench`: how long
// a reviewer waits, from opening the sample patch, for its outline and its Problems (parser
// diagnostics, then model findings), against opening the same text as plain text in the same
// run. Prints one "KPR-BENCH <json>" line per figure for bench/editor.mjs to collect.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const RUNS = 5;

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
  const reference = { name: 'open the same text as plain text', value: median(plain) };
  for (const [name, values] of [['open → outline symbols', symbols], ['open → parser diagnostics', diagnostics], ['open → model findings in Problems', findings]] as const) {
    const value = median([...values]);
    report({ name: `editor: ${name} (median of ${RUNS})`, value, unit: 'ms', reference, ratio: value / reference.value });
  }
}
