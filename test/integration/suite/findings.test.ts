import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { simulate, validateScenario } from '../../../src/kernel/run';
import { closeAllEditors, eventually, lineStartingWith, openSample } from './helpers';

async function modelFindings(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'kpr model');
    return found.length > 0 ? found : undefined;
  }, 20_000);
}

describe('model findings in the Problems panel', () => {
  afterEach(closeAllEditors);

  it('flags out_free\'s kmem_cache_free line with the invalid free of an error pointer and the leaked struct pid', async () => {
    const { document } = await openSample();
    const findings = await modelFindings(document);
    const freeLine = lineStartingWith(document, 'kmem_cache_free(ns->pid_cachep, pid);');
    const onFree = findings.filter((d) => d.range.start.line === freeLine).map((d) => d.code);
    assert.ok(onFree.includes('finding-invalid-free'), JSON.stringify(onFree));
    assert.ok(onFree.includes('finding-leak'), JSON.stringify(onFree));
    assert.ok(findings.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('flags out_free\'s free_pidmap line with the error-pointer dereference and the leaked pid numbers', async () => {
    const { document } = await openSample();
    const findings = await modelFindings(document);
    const line = lineStartingWith(document, ' free_pidmap(pid->numbers + i);');
    const codes = findings.filter((d) => d.range.start.line === line).map((d) => d.code);
    assert.ok(codes.includes('finding-err-ptr-deref') && codes.includes('finding-pidmap-leak'), JSON.stringify(codes));
  });

  it('offers "Debug This Scenario" with a scenario that reproduces the finding', async () => {
    const { document } = await openSample();
    const findings = await modelFindings(document);
    const invalidFree = findings.find((d) => d.code === 'finding-invalid-free');
    assert.ok(invalidFree);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, invalidFree.range, vscode.CodeActionKind.QuickFix.value);
    const debug = actions.find((a) => a.title.startsWith('Debug This Scenario (invalid-free'));
    assert.ok(debug?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(debug.command.command, 'kpr.debugScenario');
    const validated = validateScenario(debug.command.arguments?.[0]);
    assert.ok(validated.ok, JSON.stringify(debug.command.arguments?.[0]));
    const run = simulate(validated.scenario);
    assert.ok(run.ok && run.outcome.faults.list().some((f) => f.kind === 'invalid-free'));
  });
});

describe('Explore Scenarios', () => {
  afterEach(closeAllEditors);

  it('opens a report with the findings, the differences and the unreached lines', async () => {
    const { document } = await openSample();
    const report = await vscode.commands.executeCommand<{ findings: unknown[]; scenarios: number }>('kpr.exploreScenarios', document.uri.toString());
    assert.ok(report.findings.length >= 4 && report.scenarios > 100, `${report.findings.length} findings from ${report.scenarios} scenarios`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'kpr-explore');
    const text = editor.document.getText();
    assert.match(text, /invalid-free/);
    assert.match(text, /cannot-predefine|below 300|RESERVED_PIDS/i);
  });
});
