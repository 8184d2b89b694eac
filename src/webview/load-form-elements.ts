/// <reference lib="dom" />
// Loads dist/webview-form.js (the form's custom elements, form-elements.ts) beside the panel's own
// script, with its nonce: the webview's CSP runs only scripts that carry it.

/** The tags webview-form.js defines; the form is usable once all of them are. */
export const FORM_ELEMENT_TAGS = ['vscode-textfield', 'vscode-single-select', 'vscode-option', 'vscode-button'] as const;

// Read while the bundle runs: document.currentScript is null once the script's first run is over.
const ownScript = document.currentScript as HTMLScriptElement | null;

let loading: Promise<void> | null = null;

/** Starts loading the form's elements (once); resolves when every one of them is defined. */
export function loadFormElements(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    if (!ownScript?.src) {
      reject(new Error('the panel script cannot tell where webview-form.js is (no document.currentScript)'));
      return;
    }
    const script = document.createElement('script');
    script.nonce = ownScript.nonce;
    script.src = new URL('webview-form.js', ownScript.src).toString();
    script.addEventListener('error', () => reject(new Error(`the form's elements did not load from ${script.src}`)));
    document.body.appendChild(script);
    Promise.all(FORM_ELEMENT_TAGS.map((tag) => customElements.whenDefined(tag))).then(firstRenders).then(resolve, reject);
  });
  return loading;
}

/**
 * The elements render, and the select reads its options (on its slot's slotchange), after they
 * are defined: the form may set values only once that is done, or the select drops its value.
 */
async function firstRenders(): Promise<void> {
  const elements = [...document.querySelectorAll(FORM_ELEMENT_TAGS.join(','))] as (Element & { updateComplete?: Promise<unknown> })[];
  await Promise.all(elements.map((element) => element.updateComplete));
  // slotchange is dispatched from a microtask after the render: a task later, it has run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
