// Every C identifier in the sample patch's hunks must be explained by the knowledge base, or be
// a plain C word listed below with the reason it needs no entry. The extraction here is our own
// minimal one (not the product's tokenizer), so a tokenizer bug cannot hide a missing entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enclosingFunction, functionOfSection } from '../../../src/explain/enclosing-function';
import { type IdentifierRole, lookupIdentifier } from '../../../src/explain/knowledge';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const sample = readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');

/** C keywords and the preprocessor's directive words: the language itself, not the kernel. */
const PLAIN_C_WORDS = new Set([
  'int', 'void', 'struct', 'static', 'inline', 'if', 'else', 'for', 'do', 'while', 'return', 'goto', 'break',
  // `#ifndef` is a directive name, explained by the directive describer rather than an entry.
  'ifndef',
]);

interface Hunk {
  readonly section: string;
  readonly lines: string[];
}

/**
 * Hunks run from an `@@` line to the next file header or the mail's closing `---`. The archive
 * copy wraps parts in ``` fences (skipped) and lost some context lines' leading space (kept,
 * as context).
 */
function extractHunks(text: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const header = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@ ?(.*)$/.exec(line);
    if (header) {
      current = { section: header[1] ?? '', lines: [] };
      hunks.push(current);
      continue;
    }
    if (/^(Index: |={5}|--- |---$|\+\+\+ )/.test(line)) {
      current = undefined;
      continue;
    }
    if (!current || line === '' || line.startsWith('```')) continue;
    current.lines.push(/^[-+ ]/.test(line) ? line.slice(1) : line);
  }
  return hunks;
}

/** Identifiers in code, with block and line comments removed (comment state carried over lines). */
function codeIdentifiers(lines: readonly string[]): { line: number; name: string; role: IdentifierRole }[] {
  const found: { line: number; name: string; role: IdentifierRole }[] = [];
  let inComment = false;
  lines.forEach((text, lineIndex) => {
    let code = '';
    let rest = text;
    // A hunk may start inside a comment: ` * words` lines are comment text.
    if (!inComment && /^\s*\*(\s|$)/.test(rest)) return;
    while (rest.length > 0) {
      if (inComment) {
        const close = rest.indexOf('*/');
        if (close < 0) return;
        rest = rest.slice(close + 2);
        inComment = false;
      } else {
        const open = rest.indexOf('/*');
        const lineComment = rest.indexOf('//');
        if (lineComment >= 0 && (open < 0 || lineComment < open)) {
          code += rest.slice(0, lineComment);
          break;
        }
        if (open < 0) {
          code += rest;
          break;
        }
        code += rest.slice(0, open) + ' ';
        rest = rest.slice(open + 2);
        inComment = true;
      }
    }
    const re = /(->|\.|\bstruct\s+|\bgoto\s+)?\b([A-Za-z_]\w*)\b(\s*:(?!:))?/g;
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const before = m[1]?.trim();
      const role: IdentifierRole =
        before === '->' || before === '.' ? 'member' : before === 'struct' ? 'struct-tag' : before === 'goto' || (m[3] && m.index === code.search(/\S/)) ? 'label' : 'plain';
      found.push({ line: lineIndex, name: m[2]!, role });
    }
  });
  return found;
}

const hunks = extractHunks(sample);

test('the sample has nine hunks: six in kernel/pid.c, one in kernel/fork.c, two in next_syscall_data.h', () => {
  assert.equal(hunks.length, 9);
});

test('every identifier in the sample hunks is in the knowledge base or a listed plain C word', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const hunk of hunks) {
    const section = functionOfSection(hunk.section);
    for (const { line, name, role } of codeIdentifiers(hunk.lines)) {
      checked++;
      if (PLAIN_C_WORDS.has(name)) continue;
      const functionName = enclosingFunction(hunk.lines, line, section);
      if (!lookupIdentifier(name, { functionName, role })) missing.push(`${name} (${role}, in ${functionName ?? 'no function'}): ${hunk.lines[line]}`);
    }
  }
  assert.ok(checked > 300, `only ${checked} identifiers were extracted`);
  assert.deepEqual(missing, []);
});

test('every local and parameter of the sample resolves to an entry of its own function', () => {
  const wrong: string[] = [];
  for (const hunk of hunks) {
    const section = functionOfSection(hunk.section);
    for (const { line, name, role } of codeIdentifiers(hunk.lines)) {
      if (role !== 'plain' || PLAIN_C_WORDS.has(name)) continue;
      const functionName = enclosingFunction(hunk.lines, line, section);
      const entry = lookupIdentifier(name, { functionName, role });
      if (entry?.kind === 'local' && entry.scope !== functionName) {
        wrong.push(`${name} in ${functionName ?? 'no known function'} resolved to ${entry.scope}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('every identifier in the hunk headers is known, the cut-off last one as a prefix of a known name', () => {
  const missing: string[] = [];
  for (const { section } of hunks) {
    const words = section.match(/[A-Za-z_]\w*/g) ?? [];
    words.forEach((word, index) => {
      if (PLAIN_C_WORDS.has(word) || lookupIdentifier(word) || lookupIdentifier(word, { role: 'struct-tag' }) || lookupIdentifier(word, { role: 'label' })) return;
      // git cuts the section text at 80 columns, mid-word: `struct upid *upi`.
      const cut = index === words.length - 1 && !section.includes(')');
      const completes = ['upid', 'pid_namespace'].filter((n) => n.startsWith(word));
      if (cut && completes.length > 0) return;
      missing.push(`${word} in "${section}"`);
    });
  }
  assert.deepEqual(missing, []);
});

test('the identifiers named in the task brief all have entries', () => {
  const named = [
    'test_and_set_bit', 'find_next_offset', 'RESERVED_PIDS', 'BITS_PER_PAGE', 'pid_max', 'kzalloc', 'GFP_KERNEL',
    'spin_lock_irq', 'atomic_dec', 'ERR_PTR', 'IS_ERR', 'PTR_ERR', 'EINVAL', 'EBUSY', 'ENOMEM', 'upid',
    'namespace levels', 'next_syscall_data',
  ];
  assert.deepEqual(named.filter((n) => !lookupIdentifier(n) && !lookupIdentifier(n, { role: 'struct-tag' })), []);
});
