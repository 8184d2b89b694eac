// Launch configurations for the `kpr` debug type: F5 on a patch with no launch.json debugs the
// active patch with kpr.defaultNextSyscallData; a configuration without `patch` gets the active
// patch; the Run and Debug view lists one configuration per open patch document.
import * as vscode from 'vscode';
import { KPR_DEBUG_TYPE, PATCH_LANGUAGE_ID } from '../ids';
import { readSettings } from '../settings';
import { pathOfDocument } from './editor-files';

function activePatchDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === PATCH_LANGUAGE_ID ? document : undefined;
}

export function defaultConfiguration(document: vscode.TextDocument, next: number): vscode.DebugConfiguration {
  return {
    type: KPR_DEBUG_TYPE,
    request: 'launch',
    name: `alloc_pid with next_syscall_data ${next}: ${vscode.workspace.asRelativePath(document.uri)}`,
    patch: pathOfDocument(document),
    nextSyscallData: next,
    variant: 'patched',
    stopOnEntry: false,
  };
}

export class KprConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const active = activePatchDocument();
    // F5 with no launch.json: an empty configuration.
    if (!config.type && !config.request && !config.name) {
      if (active) return defaultConfiguration(active, readSettings().defaultNextSyscallData);
    } else if (config.patch === undefined || config.patch === '') {
      if (active) return { ...config, patch: pathOfDocument(active) };
    } else {
      return config;
    }
    void vscode.window.showErrorMessage('Kernel Patch Review: open a patch mail (or set "patch" in the launch configuration) to debug alloc_pid in the model.');
    return undefined;
  }
}

/** Run and Debug's dropdown: one configuration per open patch document. */
export class KprDynamicConfigurations implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const next = readSettings().defaultNextSyscallData;
    return vscode.workspace.textDocuments.filter((d) => d.languageId === PATCH_LANGUAGE_ID).map((d) => defaultConfiguration(d, next));
  }
}
