/// <reference lib="dom" />
// Element building for the panel: text always goes in through textContent, attributes through
// setAttribute, never HTML strings, so nothing the extension or a scenario says can become markup.

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function icon(name: string): HTMLSpanElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the panel template has no #${id}`);
  return found as T;
}

export function within<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`the run template has no ${selector}`);
  return found as T;
}

/** The key each element was made for by syncChildren (which item it shows, as text). */
const keys = new WeakMap<Element, string>();

/**
 * Makes parent's children show `items`, in order, keeping every element whose key is still
 * listed and creating only the new ones: a list that slides (the event log) moves nothing but its
 * ends. With `update`, a kept element is brought up to date in place (a local's row keeps its
 * cells and only the value's text changes); without it, the key must name everything shown.
 */
export function syncChildren<T>(parent: Element, items: readonly T[], key: (item: T) => string, create: (item: T) => Element, update?: (node: Element, item: T) => void): void {
  const pool = new Map<string, Element[]>();
  for (const child of Array.from(parent.children)) {
    const k = keys.get(child);
    if (k === undefined) child.remove();
    else pool.set(k, [...(pool.get(k) ?? []), child]);
  }
  for (const child of Array.from(parent.childNodes)) if (child.nodeType !== Node.ELEMENT_NODE) child.remove();
  let cursor = parent.firstElementChild;
  for (const item of items) {
    const k = key(item);
    let node = pool.get(k)?.shift();
    if (!node) {
      node = create(item);
      keys.set(node, k);
    } else {
      update?.(node, item);
    }
    if (node === cursor) cursor = cursor.nextElementSibling;
    else parent.insertBefore(node, cursor);
  }
  for (const left of pool.values()) for (const node of left) node.remove();
}

/** Sets an attribute only when it differs (most of a step's cells and rows stay as they were). */
export function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Sets an element's text only when it differs (a write that changes nothing still costs a style pass). */
export function setText(node: Element, text: string): void {
  const only = node.firstChild;
  // Rewriting the text node keeps it (and its layout object); textContent would replace it.
  if (only instanceof Text && only.nextSibling === null) {
    if (only.data !== text) only.data = text;
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}
