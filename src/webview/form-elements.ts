// The second bundle of the panel (dist/webview-form.js): the custom elements only the scenario form
// uses, Lit with them. They are most of the panel's script, and the form is folded once a run is
// on screen, so they are loaded after the run's first paint (load-form-elements.ts) instead of
// before it. The toolbar's buttons are plain HTML (media/debugger.html), the form's are these.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
