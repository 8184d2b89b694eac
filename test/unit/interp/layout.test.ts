// The two layouts of a compiled body (src/interp/structured.ts, the structured JavaScript the
// interpreter runs when it can, and src/interp/state-machine.ts, the lowered operations) must run
// the same statements in the same order. Generated bodies of ifs, the three loops, break,
// continue, returns and gotos to top-level labels (forward and backward) are run both ways and
// their step logs, frames and results compared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lower, newLabel, type Label, type Stmt } from '../../../src/interp/ir';
import type { SiteRef } from '../../../src/interp/sites';
import { stateMachineBody } from '../../../src/interp/state-machine';
import { structuredBody } from '../../../src/interp/structured';

/** A body's shape; tests and statements get their code when it is built. */
type Shape =
  | { k: 'eval' }
  | { k: 'if'; then: Shape[]; otherwise: Shape[] | null }
  | { k: 'while'; body: Shape[] }
  | { k: 'for'; body: Shape[]; test: boolean; update: boolean }
  | { k: 'do'; body: Shape[] }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'goto'; label: number }
  | { k: 'ret' };

const LABELS = 3;

function shapes(depth: number, inLoop: boolean): fc.Arbitrary<Shape[]> {
  const leaves: fc.Arbitrary<Shape>[] = [
    fc.constant<Shape>({ k: 'eval' }),
    fc.constant<Shape>({ k: 'ret' }),
    fc.integer({ min: 0, max: LABELS - 1 }).map((label): Shape => ({ k: 'goto', label })),
    ...(inLoop ? [fc.constant<Shape>({ k: 'break' }), fc.constant<Shape>({ k: 'continue' })] : []),
  ];
  const nested: fc.Arbitrary<Shape>[] = depth <= 0 ? [] : [
    fc.record({ then: shapes(depth - 1, inLoop), otherwise: fc.option(shapes(depth - 1, inLoop), { nil: null }) }).map((r): Shape => ({ k: 'if', ...r })),
    shapes(depth - 1, true).map((body): Shape => ({ k: 'while', body })),
    fc.record({ body: shapes(depth - 1, true), test: fc.boolean(), update: fc.boolean() }).map((r): Shape => ({ k: 'for', ...r })),
    shapes(depth - 1, true).map((body): Shape => ({ k: 'do', body })),
  ];
  return fc.array(fc.oneof(...leaves, ...nested, fc.constant<Shape>({ k: 'eval' })), { maxLength: 4 });
}

/** The top level: segments with the labels between them. */
const programs = fc.array(shapes(3, false), { minLength: LABELS + 1, maxLength: LABELS + 1 });

/** A changing test: a small pseudo-random sequence in local 2. */
const TEST = '((s2 = (s2 * 7 + 3) % 11) < 6)';

function build(segments: readonly Shape[][]): Stmt[] {
  let line = 0;
  const site = (): SiteRef => ({ stepId: null, span: { line: line++, start: 0, end: 0 } });
  const labels: Label[] = Array.from({ length: LABELS }, (_, i) => newLabel(`l${i}`));
  const convert = (list: readonly Shape[]): Stmt[] => list.map((s): Stmt => {
    switch (s.k) {
      case 'eval':
        return { kind: 'eval', code: 's1 += 1', site: site() };
      case 'if':
        return { kind: 'if', test: TEST, site: site(), then: convert(s.then), otherwise: s.otherwise === null ? null : convert(s.otherwise) };
      case 'while':
        return { kind: 'for', test: TEST, site: site(), body: convert(s.body), update: null };
      case 'for':
        return { kind: 'for', test: s.test ? TEST : null, site: site(), body: convert(s.body), update: s.update ? { code: 's3 += 1', site: site() } : null };
      case 'do':
        return { kind: 'do', body: convert(s.body), test: TEST, site: site() };
      case 'break':
      case 'continue':
        return { kind: s.k, site: site() };
      case 'goto':
        return { kind: 'goto', label: labels[s.label], site: site() };
      case 'ret':
        return { kind: 'ret', code: 's1 * 10 + s3', site: site() };
    }
  });
  const out: Stmt[] = [];
  segments.forEach((segment, i) => {
    if (i > 0) out.push({ kind: 'label', label: labels[i - 1] });
    out.push(...convert(segment));
  });
  return out;
}

const step = (s: SiteRef): string => `if (tr !== null) log(${typeof s === 'string' ? -1 : s.span.line});`;

/** How codegen.ts leaves a body: through the finally that stores the locals in the frame. */
const EXIT = 'break body;';

/** Runs a body with a step budget (a goto back or a loop may not end), wrapped as codegen.ts does. */
function run(body: string): { log: number[]; frame: number[] } {
  const source = `let s0 = 0, s1 = 0, s2 = 0, s3 = 0;\nbody: try {\n${body}\n} finally {\nf[0] = s0; f[1] = s1; f[2] = s2; f[3] = s3;\n}`;
  const fn = new Function('f', 'tr', 'log', source) as (f: Float64Array, tr: unknown, log: (line: number) => void) => void;
  const f = new Float64Array(4);
  const log: number[] = [];
  const spent = new Error('budget');
  try {
    fn(f, {}, (line) => {
      log.push(line);
      if (log.length > 400) throw spent;
    });
  } catch (error) {
    if (error !== spent) throw error;
  }
  return { log, frame: [...f] };
}

test('structured bodies step, branch and return as the lowered operations do', () => {
  fc.assert(
    fc.property(programs, (segments) => {
      const tree = build(segments);
      const structured = structuredBody(tree, step, EXIT);
      assert.ok(structured !== undefined);
      assert.deepEqual(run(structured), run(stateMachineBody(lower(tree), step, EXIT)));
    }),
    { numRuns: 500 },
  );
});

test('a label inside a block leaves the body to the state machine', () => {
  const label = newLabel('inner');
  const tree: Stmt[] = [
    { kind: 'goto', label },
    { kind: 'if', test: 'true', then: [{ kind: 'label', label }, { kind: 'eval', code: 's1 = 7' }], otherwise: null },
    { kind: 'ret', code: 's1' },
  ];
  assert.equal(structuredBody(tree, step, EXIT), undefined);
  assert.deepEqual(run(stateMachineBody(lower(tree), step, EXIT)).frame, [7, 7, 0, 0]);
});
