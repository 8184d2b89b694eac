import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness self-test (this suite must fail)', () => {
  it('fails on purpose inside the extension host', () => {
    assert.equal(vscode.version, 'not-a-version', 'deliberate failure');
  });
});
