// Compare Patch Versions recognises v1 and v2 of one series part by subject and series tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { areVersionsOfOnePart, identityOf, inVersionOrder } from '../../../src/versions/version-pairing';
import { readSample, readV2 } from './support/inputs';

const v1 = identityOf(parsePatchDocument(readSample()));
const v2 = identityOf(parsePatchDocument(readV2()));

test('the sample reads as v1 of part 3, its fix as v2 of the same part', () => {
  assert.deepEqual(v1, { title: 'use next syscall data to predefine process ids', index: 3, version: 1 });
  assert.deepEqual(v2, { ...v1, version: 2 });
  assert.ok(v1 && v2 && areVersionsOfOnePart(v1, v2));
});

test('another part of the series, or the same version twice, is not a version pair', () => {
  const part4 = identityOf(parsePatchDocument(readV2().replace('[RFC PATCH v2 3/5]', '[RFC PATCH v2 4/5]')));
  assert.ok(v1 && part4 && !areVersionsOfOnePart(v1, part4));
  assert.ok(v1 && !areVersionsOfOnePart(v1, v1));
});

test('the older version comes first whatever order they are given in', () => {
  assert.deepEqual(inVersionOrder({ identity: v2, item: 'b' }, { identity: v1, item: 'a' }), ['a', 'b']);
});
