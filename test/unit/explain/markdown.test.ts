import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeBlock, commandLink, escapeMarkdown, inlineCode, renderEntryMarkdown, renderExplanationMarkdown } from '../../../src/explain/markdown';
import MarkdownIt from 'markdown-it';
import { explainLine } from '../../../src/explain/explain-line';
import { lookupIdentifier } from '../../../src/explain/knowledge';

// The most permissive CommonMark renderer settings: raw HTML and bare-URL linking on. If escaped
// text survives these, it survives the hover's renderer.
const md = new MarkdownIt({ html: true, linkify: true });
const render = (markdown: string): string => md.render(markdown);

const HOSTILE = [
  // Found by the fuzz test: newlines become spaces, and four leading spaces open a code block.
  '\n\n  [',
  '    indented four spaces',
  '[click](command:kpr.evil?%5B%5D)',
  '[x](command:workbench.action.terminal.new)',
  '<a href="command:kpr.evil">x</a>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'command:kpr.evil',
  'https://example.com/x www.example.com mail@example.com',
  '`code` ``more`` ```fence```',
  '*emph* _emph_ **strong** __strong__',
  '# heading',
  '| a | b |\n|---|---|',
  '![img](http://x/y.png)',
  '[ref]: http://evil\n[ref]',
  '&lt;b&gt; &#60;b&#62;',
  '\\[x\\](y)',
  'a\u202eb\u200bc\u0000d',
  '<https://example.com>',
];

const patchText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '`', '<', '>', '*', '_', '#', '|', '!', '\\', ':', '/', 'c', 'o', 'm', 'a', 'n', 'd', 'h', 't', 'p', 's', ' ', '\n', '&', ';', '"', '='), maxLength: 80 }),
);

test('escaped hostile text renders as one paragraph of plain text, with no link, image, HTML or emphasis', () => {
  fc.assert(
    fc.property(patchText, (text) => {
      const html = render(escapeMarkdown(text));
      assert.doesNotMatch(html, /<(a|img|script|em|strong|h\d|code|table|ul|ol|blockquote|pre)\b/);
    }),
    { numRuns: 2000 },
  );
});

test('escaped text renders back to the same characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), (text) => {
      const controlsShown = [...text].map((c) => (/[\t\n\r]/.test(c) || (c >= ' ' && c !== '\u007f') ? c : '\ufffd')).join('');
      const expected = controlsShown.replace(/\r\n|\r|\n|\t/g, ' ').trim();
      const html = render(escapeMarkdown(text));
      const shown = html.replace(/^<p>|<\/p>\n$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      assert.equal(shown.replace(/ +/g, ' ').trim(), expected.replace(/ +/g, ' '));
    }),
    { numRuns: 1000 },
  );
});

test('an inline code span cannot be closed early by backticks in the text', () => {
  fc.assert(
    fc.property(patchText, (text) => {
      const html = render(`x ${inlineCode(text)} y`);
      assert.equal(html.match(/<code>/g)?.length ?? 0, 1);
      assert.doesNotMatch(html, /<(a|img|script|em|strong)\b/);
    }),
    { numRuns: 1000 },
  );
});

test('a code block cannot be closed early by a fence in the text', () => {
  const html = render(codeBlock('```\n[x](command:kpr.evil)\n````\n<b>bold</b>', 'c'));
  assert.equal(html.match(/<pre>/g)?.length, 1);
  assert.doesNotMatch(html, /<(a|b)\b/);
});

test('bidirectional overrides and zero-width characters are made visible', () => {
  assert.equal(escapeMarkdown('a\u202eb\u200bc'), 'a\ufffdb\ufffdc');
  assert.equal(inlineCode('a\u2066b'), '` a\ufffdb `');
});

test('a command link is produced only for our own commands', () => {
  assert.equal(commandLink('Run', 'kpr.showInModel', { line: 3 }), '[Run](command:kpr.showInModel?%7B%22line%22%3A3%7D)');
  assert.equal(commandLink('Run', 'workbench.action.terminal.new'), 'Run');
  assert.equal(commandLink('Run', 'kpr.x) [y](command:evil'), 'Run');
});

test('command link arguments cannot end the link destination early', () => {
  const html = render(commandLink('[t](u)', 'kpr.show', { text: ')(\'!*` <b>' }));
  assert.equal(html.match(/<a /g)?.length, 1);
  assert.match(html, /href="command:kpr\.show\?%7B%22text%22%3A%22%29%28%27%21%2A%60%20%3Cb%3E%22%7D"/);
});

test('an explanation renders its summary, identifiers and notes', () => {
  const markdown = renderExplanationMarkdown(explainLine(' void *page = kzalloc(PAGE_SIZE, GFP_KERNEL);', { kind: '+', functionName: 'alloc_pidmap_page' }));
  const html = render(markdown);
  assert.match(html, /\(added by the patch\) Declares page/);
  assert.match(html, /<code>kzalloc<\/code> <em>function<\/em>/);
  assert.match(html, /<code>PAGE_SIZE<\/code> <em>constant = 4096<\/em>/);
  assert.match(html, /<strong>Note:<\/strong> kzalloc may return NULL/);
});

test('an explanation of a hostile line renders no link or HTML from the line', () => {
  for (const text of HOSTILE) {
    const html = render(renderExplanationMarkdown(explainLine(text, { kind: '+' })));
    assert.doesNotMatch(html, /<(a|img|script|h\d|table)\b/, text);
  }
});

test('an entry renders with its kind, value, detail and review caution', () => {
  const html = render(renderEntryMarkdown(lookupIdentifier('RESERVED_PIDS')!));
  assert.match(html, /<code>RESERVED_PIDS<\/code> <em>constant = 300<\/em>/);
  assert.match(html, /wraps to RESERVED_PIDS/);
});
