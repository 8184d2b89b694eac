import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { statementById } from '../../../src/kernel/statements';
import { parsePatchDocument } from '../../../src/patch/parse';
import { cleanTwin, sampleLine, samplePatch } from './sample';

const mapping = mapPatch(samplePatch);
const file = (path: string) => {
  const found = mapping.files.find((f) => f.path === path);
  assert.ok(found, path);
  return found;
};

test('every executable line of the sample\'s kernel/pid.c hunks maps onto a step', () => {
  const pid = file('kernel/pid.c');
  assert.ok(pid.executable >= 80, `only ${pid.executable} executable lines`);
  assert.equal(pid.mapped, pid.executable);
});

test('every executable line of the sample\'s kernel/fork.c hunk maps onto a step', () => {
  const fork = file('kernel/fork.c');
  assert.ok(fork.executable >= 9);
  assert.equal(fork.mapped, fork.executable);
});

test('the header file is classified but not counted: the model does not implement it', () => {
  const header = file('include/linux/next_syscall_data.h');
  assert.equal(header.modelled, false);
  assert.equal(header.executable, 0);
  assert.ok(header.lines.every((l) => Object.keys(l.steps).length === 0));
});

test('every step a line maps to exists in the model and in that variant', () => {
  for (const f of mapping.files) {
    for (const line of f.lines) {
      for (const variant of ['baseline', 'patched'] as const) {
        for (const id of line.steps[variant] ?? []) {
          const statement = statementById(id);
          assert.ok(statement, `unknown step ${id}`);
          assert.ok(statement.variants.includes(variant), `${id} is not in ${variant}`);
        }
      }
    }
  }
});

test('removed lines map only onto the baseline, added lines only onto the patched variant', () => {
  for (const line of file('kernel/pid.c').lines) {
    if (line.kind === '-') assert.equal(line.steps.patched, undefined);
    if (line.kind === '+') assert.equal(line.steps.baseline, undefined);
  }
});

test('comments, blank lines, lone braces and bare declarations are not executable', () => {
  const byText = new Map(file('kernel/pid.c').lines.map((l) => [l.text.trim(), l.lineClass]));
  assert.equal(byText.get('* Free the page if someone raced with us'), 'comment');
  assert.equal(byText.get('{'), 'brace');
  assert.equal(byText.get('else'), 'brace');
  assert.equal(byText.get('int rc;'), 'declaration');
  assert.equal(byText.get('struct pidmap *map;'), 'declaration');
});

test('repeated statements resolve to their own occurrence: out_free\'s goto out, not the early one', () => {
  const index = new MappingIndex(mapping);
  const outFreeGoto = sampleLine('  goto out;', sampleLine('kmem_cache_free(ns->pid_cachep, pid);'));
  assert.deepEqual(index.stepsAtLine('patched', outFreeGoto), ['alloc_pid/out_free/goto-out']);
  const earlyGoto = sampleLine('  goto out;');
  assert.deepEqual(index.stepsAtLine('patched', earlyGoto), ['alloc_pid/if-no-pid/goto-out']);
});

test('a loop header is its init, test and step at once', () => {
  const index = new MappingIndex(mapping);
  const header = sampleLine('    for (i = 0; i <= max_scan; ++i) {');
  assert.deepEqual([...index.stepsAtLine('baseline', header)].sort(), ['alloc_pidmap/for-cond', 'alloc_pidmap/for-inc', 'alloc_pidmap/for-init']);
});

test('a step of a variant leads back to the patch lines that show it', () => {
  const index = new MappingIndex(mapping);
  assert.deepEqual(index.linesOfStep('patched', 'alloc_fixed_pidmap/return-einval'), [sampleLine('+ return -EINVAL;')]);
  assert.deepEqual(index.linesOfStep('baseline', 'alloc_pid/out_free/pid-null'), [sampleLine('- pid = NULL;')]);
});

test('a clean copy of the same change maps every line onto the same steps as the damaged sample', () => {
  const clean = mapPatch(parsePatchDocument(cleanTwin(samplePatch)));
  for (const path of ['kernel/pid.c', 'kernel/fork.c']) {
    const damaged = file(path).lines.map((l) => [l.lineClass, l.steps]);
    const twin = clean.files.find((f) => f.path === path)?.lines.map((l) => [l.lineClass, l.steps]);
    assert.deepEqual(twin, damaged, path);
  }
});

test('an executable line the model cannot place is reported as unmapped, not dropped', () => {
  const text = ['--- a/kernel/pid.c', '+++ b/kernel/pid.c', '@@ -10,2 +10,3 @@ static int alloc_pidmap(struct pid_namespace *pid_ns)', ' \tpid = last + 1;', '+\tfrobnicate(pid);', ' \tif (pid >= pid_max)', ''].join('\n');
  const lines = mapPatch(parsePatchDocument(text)).files[0].lines;
  assert.deepEqual(lines.map((l) => l.lineClass), ['executable', 'unmapped', 'executable']);
  const f = mapPatch(parsePatchDocument(text)).files[0];
  assert.equal(`${f.mapped}/${f.executable}`, '2/3');
});
