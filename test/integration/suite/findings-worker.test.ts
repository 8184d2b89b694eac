// The findings store in the extension host with an exploration worker that crashes: the failure
// reaches kpr's log once, and the same document version is explored again by a fresh worker
// (no stale failed exploration, no request failed by the crashed worker's exit).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExplorationReport } from '../../../src/explore';
import { Findings } from '../../../src/vscode/findings';
import type { KprLog } from '../../../src/vscode/log';
import { PatchDocuments } from '../../../src/vscode/patch-documents';
import { closeAllEditors, eventually, openSample } from './helpers';

/** The first worker started exits on its first request; later workers answer with an empty report. */
const CRASH_ONCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const counter = __filename + '.starts';
const starts = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0) + 1;
fs.writeFileSync(counter, String(starts));
parentPort.on('message', (request) => {
  if (starts === 1) process.exit(5);
  parentPort.postMessage({ id: request.id, report: { findings: [], differences: [], unreached: [], scenarios: starts } });
});
`;

class RecordedLog implements KprLog {
  readonly errors: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
  warn(): void {}
  info(): void {}
}

describe('findings when the exploration worker crashes', () => {
  let dir: string;
  afterEach(async () => {
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs the failure once, then explores the same version again with a fresh worker', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-worker-'));
    const script = path.join(dir, 'explore-worker.js');
    fs.writeFileSync(script, CRASH_ONCE);
    const { document } = await openSample();
    const log = new RecordedLog();
    const documents = new PatchDocuments();
    // Opening schedules an exploration of the open sample: the first worker takes it and exits.
    const findings = new Findings(documents, script, log);
    try {
      const logged = await eventually(() => (log.errors.length > 0 ? log.errors : undefined), 20_000);
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0], /^findings: exploring .*rfc-3-5-next-syscall-data-pids\.txt failed: the exploration worker exited with code 5$/);
      assert.equal(findings.current(document), undefined);

      const report: ExplorationReport = await findings.explore(document);
      assert.equal(report.scenarios, 2, 'answered by the second worker started');
      assert.equal(findings.current(document), report, 'kept for this version');
      assert.equal(log.errors.length, 1, 'nothing more was logged');
    } finally {
      findings.dispose();
      documents.dispose();
    }
  });
});
