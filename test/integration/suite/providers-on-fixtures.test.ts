// Every patch fixture (patches, series, the workspace, the hostile ones) asked of every kpr
// provider through VS Code's own commands: document symbols, folding ranges, a hover on every
// line, code lenses and code actions. A provider that throws leaves executeCommand answering
// with nothing and an error in the extension host's log, so the log is read too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { kprExtension } from './helpers';
import { errorsSince, hostLogFile, logSize } from './host-log';

const PATCH_FILE = /\.(patch|mbox|diff|eml|txt)$/;

/** Patch documents under test/fixtures/{patches,series,workspace}, not the trees series apply to. */
function fixtureFiles(): string[] {
  const root = path.join(kprExtension().extensionPath, 'test', 'fixtures');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'ring-base') walk(full);
      } else if (PATCH_FILE.test(entry.name)) files.push(full);
    }
  };
  for (const sub of ['patches', 'series', 'workspace']) walk(path.join(root, sub));
  return files.sort();
}

async function openAsPatch(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return document.languageId === 'kernel-patch' ? document : vscode.languages.setTextDocumentLanguage(document, 'kernel-patch');
}

async function execute<T>(command: string, ...args: unknown[]): Promise<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

/** Asks each provider about the document; resolves to the outline's names, for the claims below. */
async function askEveryProvider(document: vscode.TextDocument): Promise<string[]> {
  const { uri } = document;
  const symbols = (await execute<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  await execute('vscode.executeFoldingRangeProvider', uri);
  await execute('vscode.executeCodeLensProvider', uri, 1000);
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  await execute('vscode.executeCodeActionProvider', uri, whole);
  // Once per line with diagnostics, not per diagnostic: a line of 4000 repaired escapes has 4000.
  const flagged = new Set(vscode.languages.getDiagnostics(uri).map((d) => d.range.start.line));
  for (const line of flagged) await execute('vscode.executeCodeActionProvider', uri, document.lineAt(line).range);
  // In batches: one round trip per line would make this test slow on a loaded machine.
  const lines = [...Array(document.lineCount).keys()];
  for (let i = 0; i < lines.length; i += 200) {
    await Promise.all(lines.slice(i, i + 200).map((line) =>
      execute('vscode.executeHoverProvider', uri, new vscode.Position(line, Math.floor(document.lineAt(line).text.length / 2)))));
  }
  const names: string[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]) => list.forEach((s) => { names.push(s.name); walk(s.children); });
  walk(symbols);
  return names;
}

describe('providers on every fixture: no provider throws', function () {
  const log = hostLogFile();
  const outlines = new Map<string, string[]>();

  for (const file of fixtureFiles()) {
    const name = path.relative(path.join(kprExtension().extensionPath, 'test', 'fixtures'), file);
    it(`symbols, folding, hovers, lenses and actions on ${name}`, async () => {
      const offset = log ? logSize(log) : 0;
      const document = await openAsPatch(file);
      outlines.set(name, await askEveryProvider(document));
      if (log) {
        const errors = await errorsSince(log, offset);
        assert.deepEqual(errors.map((e) => e.text), [], `the extension host logged errors for ${name} (${log})`);
      }
    });
  }

  it('reads the extension host log (the harness says where it is)', function () {
    if (!process.env.KPR_TEST_LOGS_DIR) this.skip(); // a runner that does not say: the checks above still catch rejections
    assert.ok(log && fs.existsSync(log), `no extension host log under ${process.env.KPR_TEST_LOGS_DIR}`);
  });

  it('outlines the composed reply whose quoted file header once made the outline throw', () => {
    assert.deepEqual(outlines.get(path.join('patches', 'replies', 'composed-reply.eml'))?.slice(0, 2), ['Re: [RFC PATCH 3/5] use next syscall data to predefine process ids', 'kernel/pid.c']);
  });
});
