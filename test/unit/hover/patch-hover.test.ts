// The hover's Markdown, built without the editor from the sample's parse and mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/explore';
import { patchHoverMarkdown, type HoverInput } from '../../../src/hover/patch-hover';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { samplePatch, sampleLine } from '../mapping/sample';

const COMMANDS = { debugScenario: 'kpr.debugScenario', debugToHere: 'kpr.debugToHere', showInModel: 'kpr.showInModel' };
const URI = 'file:///p/sample.txt';
const mapping = new MappingIndex(mapPatch(samplePatch));

function input(findingsAt: HoverInput['findingsAt'] = () => []): HoverInput {
  return { patch: samplePatch, mapping, documentUri: URI, findingsAt, commands: COMMANDS };
}

/** The arguments of the first link to `command` in the Markdown, decoded. */
function linkArgs(markdown: string, command: string): unknown {
  const link = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^)]+)\\)`).exec(markdown);
  assert.ok(link, `no link to ${command} in:\n${markdown}`);
  return JSON.parse(decodeURIComponent(link[1]));
}

function finding(over: Partial<Finding>): Finding {
  return {
    kind: 'invalid-free', line: 0, variant: 'patched', stepId: 's', scenario: { variant: 'patched', ops: [{ op: 'fork' }] },
    message: 'frees an error pointer', occurrences: 1, detail: '', paths: [], ...over,
  } as Finding;
}

test('an executable line links to debug to it and to show it in the model, on this document and line', () => {
  const line = sampleLine('+ return -EINVAL;');
  const markdown = patchHoverMarkdown(input(), line) ?? '';
  assert.deepEqual(linkArgs(markdown, COMMANDS.debugToHere), [URI, line]);
  assert.deepEqual(linkArgs(markdown, COMMANDS.showInModel), [URI, line]);
  assert.match(markdown, /\*\*Model:\*\* runs after the patch as step/);
});

test('the findings on a line are listed with a link that debugs the scenario showing each', () => {
  const line = sampleLine('+ return -EINVAL;');
  const scenario = { variant: 'patched', ops: [{ op: 'set_next', value: 5 }, { op: 'fork' }] };
  const markdown = patchHoverMarkdown(input((l) => (l === line ? [finding({ scenario } as Partial<Finding>)] : [])), line) ?? '';
  assert.match(markdown, /\*\*Faults the model finds here\*\*/);
  assert.match(markdown, /invalid\\-free \(patched\): frees an error pointer/);
  assert.deepEqual(linkArgs(markdown, COMMANDS.debugScenario), [scenario, URI]);
});

test('patch text in a finding is escaped: it cannot make a link of its own', () => {
  const line = sampleLine('+ return -EINVAL;');
  const markdown = patchHoverMarkdown(input(() => [finding({ message: '[click](command:evil)' })]), line) ?? '';
  assert.ok(!markdown.includes('[click](command:evil)'), markdown);
});

test('at most six findings are listed on one line', () => {
  const line = sampleLine('+ return -EINVAL;');
  const many = Array.from({ length: 9 }, (_, i) => finding({ message: `finding ${i}` }));
  const markdown = patchHoverMarkdown(input(() => many), line) ?? '';
  assert.equal((markdown.match(/\$\(error\)/g) ?? []).length, 6);
});

test('the subject line gets the series position; a mail line outside any hunk, nothing', () => {
  assert.match(patchHoverMarkdown(input(), sampleLine('Subject: ')) ?? '', /part 3 of 5/);
  assert.equal(patchHoverMarkdown(input(), sampleLine('Posted by ')), undefined);
});
