import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openSample } from './helpers';

describe('Problems: repairs summarised per mail and kind', () => {
  afterEach(closeAllEditors);

  it('shows a handful of repair entries for the sample, each listing its repaired fragments', async () => {
    const editor = await openSample();
    const repairs = await eventually(() => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'kpr' && String(d.code).startsWith('repair-'));
      return found.length > 0 ? found : undefined;
    });
    assert.ok(repairs.length <= 10, `${repairs.length} repair entries`);
    assert.equal(new Set(repairs.map((d) => d.code)).size, repairs.length, 'one entry per kind');
    const fragments = repairs.reduce((n, d) => n + (d.relatedInformation?.length ?? 0), 0);
    assert.ok(fragments > 50, `${fragments} fragments in related information`);
    for (const d of repairs) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(d.relatedInformation?.every((r) => r.location.uri.toString() === editor.document.uri.toString() && / → /.test(r.message)));
    }
  });
});
