/// <reference lib="dom" />
// A line of C as the panel shows it: one nowrap span per token with a break opportunity (<wbr>)
// only between tokens, so a narrow panel wraps `GFP_KERNEL` whole, as an editor would.
import { cPieces } from './c-tokens';
import { el } from './dom';

export function cCode<K extends 'pre' | 'code'>(tag: K, text: string, attributes: Readonly<Record<string, string>> = {}): HTMLElementTagNameMap[K] {
  const code = el(tag, { ...attributes, class: `${attributes.class ?? ''} c-line`.trim() });
  let previousWasToken = false;
  for (const piece of cPieces(text)) {
    if (piece.space) {
      code.append(piece.text);
    } else {
      if (previousWasToken) code.append(el('wbr'));
      code.append(el('span', { class: 'tok' }, piece.text));
    }
    previousWasToken = !piece.space;
  }
  return code;
}
