// The second bundle of the panel (dist/webview-form.js): the custom elements only the scenario form
// uses. They are half the panel's script, and the form is folded once a run is on screen, so they
// are loaded after the run's first paint (load-form-elements.ts) instead of before it.
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
