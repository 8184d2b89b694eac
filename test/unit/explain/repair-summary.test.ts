import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRepair, summariseRepairs } from '../../../src/explain/repair-summary';
import { parsePatchDocument } from '../../../src/patch/parse';

const root = join(__dirname, '..', '..', '..', '..');
const sampleText = readFileSync(join(root, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const sample = parsePatchDocument(sampleText);

// A reply quoting a whole short hunk (written for this test): every hunk line carries "> ".
const QUOTED_REPLY = [
  'From: Bob Maintainer <bob@example.org>',
  'Subject: Re: [PATCH] pid: reserve fewer pids',
  '',
  'On Mon, 7 Jul 2008, Ada wrote:',
  '> --- a/kernel/pid.c',
  '> +++ b/kernel/pid.c',
  '> @@ -40,3 +40,3 @@ static int pid_max_min = RESERVED_PIDS + 1;',
  '>  #define BITS_PER_PAGE\t\t(PAGE_SIZE*8)',
  '> -#define RESERVED_PIDS\t\t300',
  '> +#define RESERVED_PIDS\t\t100',
  '>  #define BITS_PER_PAGE_MASK\t(BITS_PER_PAGE-1)',
  '',
  'Why 100? Some daemons expect their pids below 300.',
  '',
].join('\n');

test('the sample\'s repairs become one entry per kind, not one per fragment', () => {
  const groups = summariseRepairs(sample);
  const kinds = new Set(sample.repairs.map((r) => r.kind));
  assert.ok(sample.repairs.length > 50);
  assert.equal(groups.length, kinds.size);
  assert.ok(groups.length <= 10, `${groups.length} entries`);
});

test('every repair is listed in exactly one group, of its own kind', () => {
  const groups = summariseRepairs(sample);
  assert.equal(groups.reduce((n, g) => n + g.repairs.length, 0), sample.repairs.length);
  for (const g of groups) assert.ok(g.repairs.every((r) => r.kind === g.kind), g.kind);
});

test('a group points at its first repair and its lines are in document order', () => {
  for (const g of summariseRepairs(sample)) {
    assert.deepEqual(g.range, g.repairs[0].range);
    const lines = g.repairs.map((r) => r.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  }
});

test('the message names the kind and counts repaired lines', () => {
  const indentation = summariseRepairs(sample).find((g) => g.kind === 'leading-whitespace');
  assert.ok(indentation);
  const lines = new Set(indentation.repairs.map((r) => r.range.start.line)).size;
  assert.match(indentation.message, new RegExp(`^Repaired \\(leading-whitespace\\): ${lines} lines in this mail — `));
});

test('a quoted reply is one entry: its quote prefixes', () => {
  const reply = parsePatchDocument(QUOTED_REPLY);
  assert.ok(reply.repairs.length >= 4, `${reply.repairs.length} repairs`);
  const groups = summariseRepairs(reply);
  assert.deepEqual(groups.map((g) => [g.kind, g.repairs.length]), [['quoted-reply-prefix', reply.repairs.length]]);
});

test('repairs in different mails of one document are different entries, each naming its mail', () => {
  const mbox = `From a@example.org Mon Jul  7 00:00:00 2008\n${QUOTED_REPLY}\nFrom b@example.org Mon Jul  7 00:00:00 2008\n${QUOTED_REPLY}`;
  const patch = parsePatchDocument(mbox);
  assert.equal(patch.mails.length, 2);
  const groups = summariseRepairs(patch);
  assert.deepEqual(groups.map((g) => g.mail), [0, 1]);
  assert.match(groups[1].message, /in mail 2 \(Re: \[PATCH\] pid: reserve fewer pids\)/);
});

test('one repaired fragment is described with its invisible characters shown', () => {
  const trailing = sample.repairs.find((r) => r.kind === 'trailing-whitespace');
  assert.ok(trailing);
  assert.match(describeRepair(trailing), /^".*" → ".*" — ./);
});
