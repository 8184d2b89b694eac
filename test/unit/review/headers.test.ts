// The pieces of the reply's header: addresses read and written, the date, identity precedence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldedAddressHeader, formatAddress, headerText, parseAddress, parseAddressList, uniqueAddresses } from '../../../src/review/addresses';
import { isComplete, resolveIdentity } from '../../../src/review/identity';
import { formatMailDate } from '../../../src/review/mail-date';
import { decodeEncodedWords } from '../../../src/patch/mail-headers';

test('an address list splits at commas outside quoted names and angle brackets', () => {
  const list = parseAddressList('"Doe, Jane" <jane@example.org>, bob@example.org (Bob B), <x@y.z>');
  assert.deepEqual(list, [{ name: 'Doe, Jane', email: 'jane@example.org' }, { name: 'Bob B', email: 'bob@example.org' }, { email: 'x@y.z' }]);
});

test('a display name without an address is no address', () => {
  assert.equal(parseAddress('Nadia Derby'), undefined);
});

test('group syntax yields its members, an empty group none', () => {
  assert.deepEqual(parseAddressList('list: a@b.c, d@e.f;'), [{ email: 'a@b.c' }, { email: 'd@e.f' }]);
  assert.deepEqual(parseAddressList('undisclosed-recipients:;'), []);
});

test('duplicates are removed case-insensitively, the first spelling kept, excluded addresses dropped', () => {
  const list = uniqueAddresses([{ name: 'A', email: 'a@x.org' }, { email: 'A@X.org' }, { email: 'me@x.org' }], [{ email: 'ME@x.org' }]);
  assert.deepEqual(list, [{ name: 'A', email: 'a@x.org' }]);
});

test('a display name with specials is quoted, its quotes escaped', () => {
  assert.equal(formatAddress({ name: 'Doe, "JD" Jane', email: 'j@x.org' }), '"Doe, \\"JD\\" Jane" <j@x.org>');
});

test('a non-ASCII subject is encoded as RFC 2047 words that kpr\'s header decoder reads back', () => {
  const subject = 'Re: [PATCH] doc: naïve façade — résumé of a very long subject line that needs more than one encoded word';
  const encoded = headerText(subject);
  assert.match(encoded, /^=\?UTF-8\?B\?/);
  assert.ok(encoded.split(' ').every((w) => w.length <= 75));
  assert.equal(decodeEncodedWords(encoded), subject);
});

test('a long address header is folded at 78 columns between addresses', () => {
  const many = Array.from({ length: 6 }, (_, i) => ({ name: `Person Number ${i}`, email: `person${i}@example.org` }));
  const header = foldedAddressHeader('Cc', many);
  assert.ok(header.split('\n').every((l) => l.length <= 78));
  assert.ok(header.split('\n').slice(1).every((l) => l.startsWith(' ')));
  assert.deepEqual(parseAddressList(header.slice(3).replace(/\n /g, ' ')), many);
});

test('the date is written as RFC 5322 wants it, at the given offset', () => {
  const date = new Date(Date.UTC(2024, 2, 4, 23, 30, 5));
  assert.equal(formatMailDate(date, 0), 'Mon, 4 Mar 2024 23:30:05 +0000');
  assert.equal(formatMailDate(date, 90), 'Tue, 5 Mar 2024 01:00:05 +0130');
  assert.equal(formatMailDate(date, -300), 'Mon, 4 Mar 2024 18:30:05 -0500');
});

test('identity: git config wins field by field, the settings fill what git lacks', () => {
  assert.deepEqual(resolveIdentity({ name: 'Git Name' }, { name: 'Setting Name', email: 'set@x.org' }), { name: 'Git Name', email: 'set@x.org' });
});

test('identity: blank values count as missing, angle brackets around the address are dropped', () => {
  assert.deepEqual(resolveIdentity({ name: '  ', email: '<g@x.org>' }, { name: 'S' }), { name: 'S', email: 'g@x.org' });
});

test('identity: a trailer needs both a name and an address with an @', () => {
  assert.equal(isComplete({ name: 'A', email: 'a@x.org' }), true);
  assert.equal(isComplete({ name: 'A', email: 'nobody' }), false);
  assert.equal(isComplete({ email: 'a@x.org' }), false);
});
