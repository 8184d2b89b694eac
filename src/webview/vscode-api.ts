// The handle VS Code gives a webview script (acquireVsCodeApi may be called once per page).
import type { PersistedState, ToExtension } from '../shared/debugger-protocol';

export interface WebviewApi {
  postMessage(message: ToExtension): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): WebviewApi;

let api: WebviewApi | undefined;

export function vscodeApi(): WebviewApi {
  api ??= acquireVsCodeApi();
  return api;
}
