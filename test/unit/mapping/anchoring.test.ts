import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapPatch } from '../../../src/mapping';
import { NOT_THE_MODELLED_CODE } from '../../../src/mapping/anchoring';
import { parsePatchDocument } from '../../../src/patch/parse';
import type { FileMapping } from '../../../src/mapping';
import { cleanTwin, samplePatch } from './sample';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'patches', 'mapping', name), 'utf8');
const fileOf = (text: string, path: string): FileMapping => {
  const found = mapPatch(parsePatchDocument(text)).files.find((f) => f.path === path);
  assert.ok(found, path);
  return found;
};

/** Rewrites every hunk header's line counts from the lines that follow it (after an edit). */
function recount(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+),\d+ \+(\d+),\d+ @@(.*)$/.exec(lines[i]);
    if (!header) continue;
    let old = 0;
    let neu = 0;
    for (let j = i + 1; j < lines.length && /^[ +-]/.test(lines[j]) && !/^(---|\+\+\+) /.test(lines[j]); j++) {
      if (lines[j][0] !== '+') old++;
      if (lines[j][0] !== '-') neu++;
    }
    lines[i] = `@@ -${header[1]},${old} +${header[2]},${neu} @@${header[3]}`;
  }
  return lines.join('\n');
}

/** The class and steps of each line whose text is not in `edited`, in document order. */
function unchangedLines(file: FileMapping, edited: readonly string[]): unknown[] {
  return file.lines.filter((l) => !edited.includes(l.text.trim())).map((l) => [l.kind, l.text.trim(), l.lineClass, l.steps]);
}

test('a 2007 patch to copy_process maps none of its lines onto the 2.6.26-rc8-mm1 model', () => {
  const fork = fileOf(fixture('copy-process-2007.patch'), 'kernel/fork.c');
  assert.equal(fork.mapped, 0);
  assert.ok(fork.executable > 0);
  assert.ok(fork.lines.every((l) => Object.keys(l.steps).length === 0));
});

test('each hunk of the 2007 patch is reported unmapped with the reason', () => {
  const fork = fileOf(fixture('copy-process-2007.patch'), 'kernel/fork.c');
  assert.equal(fork.unmappedHunks.length, 3);
  assert.ok(fork.unmappedHunks.every((h) => h.reason === NOT_THE_MODELLED_CODE));
  const ifRetval = fork.lines.filter((l) => l.text.trim() === 'if (retval)');
  assert.ok(ifRetval.length >= 2);
  assert.ok(ifRetval.every((l) => l.lineClass === 'unmapped' && l.unmappedReason === NOT_THE_MODELLED_CODE));
});

test('the 2007 hunk whose context shows copy_thread and if (retval) is still not mapped: the rest of its context differs', () => {
  const fork = fileOf(fixture('copy-process-2007.patch'), 'kernel/fork.c');
  const copyThread = fork.lines.find((l) => l.text.includes('copy_thread('));
  assert.ok(copyThread);
  assert.equal(copyThread.lineClass, 'unmapped');
});

test('the sample maps every hunk: no hunk is reported unmapped', () => {
  for (const file of mapPatch(samplePatch).files) assert.deepEqual(file.unmappedHunks, [], file.path);
});

/** Replaces the first diff line whose C text is `from` (ignoring indentation) by `to` lines, same prefix and indentation. */
function editLine(text: string, from: string, to: readonly string[], prefix = '+'): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l[0] === prefix && l.slice(1).trim() === from);
  assert.ok(at >= 0, from);
  const indent = /^\s*/.exec(lines[at].slice(1))![0];
  lines.splice(at, 1, ...to.map((t) => prefix + indent + t));
  return lines.join('\n');
}

test('a reviewer\'s edit of the sample (changed and added lines) leaves every unchanged line mapped as before', () => {
  const clean = cleanTwin(samplePatch);
  const changes: [string, string[]][] = [
    ['retval = PTR_ERR(pid);', ['retval = PTR_ERR(pid) ?: -EAGAIN;']],
    ['if (IS_ERR(pid)) {', ['if (IS_ERR(pid)) {', 'pr_debug("alloc_pid: %ld\\n", PTR_ERR(pid));']],
    ['pid = ERR_PTR(rc);', ['pid = ERR_PTR(rc ? rc : -EBUSY);', 'WARN_ON_ONCE(1);']],
    ['rc = alloc_fixed_pidmap(ns, next_nr);', ['rc = alloc_fixed_pidmap(ns, next_nr + 0);']],
  ];
  const edited = recount(changes.reduce((text, [from, to]) => editLine(text, from, to), clean));
  const touched = changes.flatMap(([from, to]) => [from, ...to]);
  for (const path of ['kernel/pid.c', 'kernel/fork.c']) {
    const after = fileOf(edited, path);
    assert.deepEqual(unchangedLines(after, touched), unchangedLines(fileOf(clean, path), touched), path);
    assert.deepEqual(after.unmappedHunks, [], path);
  }
});

test('an edited context line unmaps that line only, not its hunk', () => {
  const clean = cleanTwin(samplePatch);
  const fork = fileOf(editLine(clean, 'pid = alloc_pid(task_active_pid_ns(p));', ['pid = alloc_pid(task_active_pid_ns(current));'], ' '), 'kernel/fork.c');
  assert.deepEqual(fork.unmappedHunks, []);
  assert.equal(fork.mapped, fork.executable - 1);
});
