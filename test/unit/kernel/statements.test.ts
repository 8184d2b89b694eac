import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, STATEMENTS, isStepId, normaliseC, type StepId, type Variant } from '../../../src/kernel/statements';
import { repoRoot } from './support/fixtures';

test('step ids are unique', () => {
  assert.equal(new Set(STATEMENTS.map((s) => s.id)).size, STATEMENTS.length);
});

test('every step id starts with the name of its function', () => {
  for (const s of STATEMENTS) assert.ok(s.id.startsWith(`${s.fn}/`), s.id);
});

test('normaliseC drops whitespace between symbols as in the spec of match keys', () => {
  assert.equal(normaliseC('  if (next_nr < RESERVED_PIDS || next_nr >= pid_max)'), 'if(next_nr<RESERVED_PIDS||next_nr>=pid_max)');
});

test('normaliseC keeps one space between two words and drops a trailing brace', () => {
  assert.equal(normaliseC('static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr) {'), 'static int alloc_fixed_pidmap(struct pid_namespace*pid_ns,int next_nr)');
});

test('a statement has a match key in exactly the variants that have it', () => {
  for (const s of STATEMENTS) assert.deepEqual(Object.keys(s.matchKeys).sort(), [...s.variants].sort(), s.id);
});

test('every statement names the TypeScript that implements it', () => {
  for (const s of STATEMENTS) {
    assert.equal(s.tsFile, FUNCTIONS[s.fn].tsFile);
    if (s.reachable) assert.match(readFileSync(join(repoRoot, s.tsFile), 'utf8'), new RegExp(`function ${s.tsSymbol}\\(`), s.id);
  }
});

test('a step id outside the table does not compile, and isStepId agrees with the table', () => {
  // @ts-expect-error the model's tracer hooks take StepId: a misspelt id is a compile error
  const misspelt: StepId = 'alloc_pid/for-cnod';
  assert.equal(isStepId(misspelt), false);
  for (const s of STATEMENTS) assert.ok(isStepId(s.id), s.id);
});

/** The patch's C lines of kernel/pid.c and kernel/fork.c, with the variant each belongs to. */
function patchCodeLines(): { text: string; variants: Variant[] }[] {
  const mail = readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
  const body = mail.slice(mail.indexOf('Index: linux-2.6.26-rc8-mm1/kernel/pid.c'), mail.indexOf('Index: linux-2.6.26-rc8-mm1/include/'));
  const out: { text: string; variants: Variant[] }[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' || /^(```|Index:|=====|---|\+\+\+|@@)/.test(line)) continue;
    const variants: Variant[] = line.startsWith('+') ? ['patched'] : line.startsWith('-') ? ['baseline'] : ['baseline', 'patched'];
    out.push({ text: normaliseC(line.replace(/^[+\- ]/, '')), variants });
  }
  return out;
}

/** Not executable: blank, braces, else, comments, declarations without an initialiser. */
function executable(text: string): boolean {
  if (text === '' || text === '}' || text === 'else' || text.startsWith('/*') || text.startsWith('*')) return false;
  return !/^(int |struct [a-z_]+\*|struct [a-z_]+ )[a-z_*]+(,[a-z_*]+)*;$/.test(text);
}

test('every executable line of the patch to pid.c and fork.c has a statement to map onto', () => {
  const lines = patchCodeLines().filter((l) => executable(l.text));
  assert.ok(lines.length > 80, `only ${lines.length} lines read from the sample`);
  const missing = lines.filter((l) =>
    !l.variants.some((v) => STATEMENTS.some((s) => s.matchKeys[v] === l.text || (s.matchLines[v] ?? []).includes(l.text))));
  assert.deepEqual(missing, []);
});
