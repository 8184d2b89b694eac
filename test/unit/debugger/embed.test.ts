import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMessage, StateSender } from '../../../src/shared/debugger-delta';
import { embeddedMessageText, readEmbeddedMessage } from '../../../src/shared/debugger-embed';
import { isMessageToExtension, type DebuggerState } from '../../../src/shared/debugger-protocol';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { DebuggerCore } from '../../../src/panel/core';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { loadCParser } from '../../../src/c';
import { programsFor, type PatchPrograms } from '../../../src/interp/programs';

const sample = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const index = new MappingIndex(mapPatch(parsePatchDocument(sample)));
let programs: PatchPrograms;
before(async () => {
  programs = programsFor(parsePatchDocument(sample), await loadCParser());
});

function sampleState(): { core: DebuggerCore; state: DebuggerState } {
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), 'both');
  return { core, state: core.state({ uri: 'untitled:a</script><!--b', name: '</script>' }, []) };
}

test('the embedded state cannot close its script element or open a comment, and reads back the same', () => {
  const { state } = sampleState();
  const message = new StateSender().next(state);
  const text = embeddedMessageText(message);
  assert.equal(text.includes('<'), false);
  assert.deepEqual(readEmbeddedMessage(text), message);
});

test('a page with no embedded state, or text that is not a message, reads none', () => {
  assert.equal(embeddedMessageText(null), '');
  for (const text of [null, undefined, '', '  \n', '{"type":"debugger/state"}', 'not json', '{"type":"debugger/explode"}']) assert.equal(readEmbeddedMessage(text), null);
});

test('after the embedded state, the page that names it gets a delta against it, not the whole state again', () => {
  const { core, state } = sampleState();
  const sender = new StateSender();
  const embedded = readEmbeddedMessage(embeddedMessageText(sender.next(state)));
  assert.ok(embedded && embedded.type === 'debugger/state' && embedded.seq !== undefined);
  const page = applyMessage({ seq: null, state: null }, embedded);
  assert.ok(page);
  const ready = { type: 'webview/ready', seq: page.seq ?? undefined };
  assert.ok(isMessageToExtension(ready));
  assert.equal(sender.holds(ready.seq), true);
  core.step('stepIn');
  const next = core.state({ uri: 'untitled:a</script><!--b', name: '</script>' }, []);
  const message = sender.next(next);
  assert.equal(message?.type, 'debugger/delta');
  assert.deepEqual(applyMessage(page, message!)?.state, next);
});

test('a page that names no state, or another, is not held: the host starts over with the whole state', () => {
  const { state } = sampleState();
  const sender = new StateSender();
  const first = sender.next(state);
  assert.equal(sender.holds(undefined), false);
  assert.equal(sender.holds((first?.seq ?? 0) + 1), false);
  sender.reset();
  assert.equal(sender.holds(first?.seq), false);
});
