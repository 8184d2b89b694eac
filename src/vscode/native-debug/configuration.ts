// Launch configurations for the `kpr` debug type: F5 on a patch with no launch.json debugs the
// active patch with kpr.defaultNextSyscallData; a configuration without `patch` gets the active
// patch; the Run and Debug view lists one configuration per open patch document.
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { documentName } from '../document-name';
import { KPR_DEBUG_TYPE, PATCH_LANGUAGE_ID } from '../ids';
import { readSettings } from '../settings';
import { pathOfDocument } from './editor-files';

function activePatchDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === PATCH_LANGUAGE_ID ? document : undefined;
}

/** With no breakpoint in the patch a run would go straight to its end: stop at the start instead. */
function hasBreakpointsIn(document: vscode.TextDocument): boolean {
  const key = document.uri.toString();
  return vscode.debug.breakpoints.some((b) => b instanceof vscode.SourceBreakpoint && b.enabled && b.location.uri.toString() === key);
}

export function defaultConfiguration(document: vscode.TextDocument, next: number): vscode.DebugConfiguration {
  return {
    type: KPR_DEBUG_TYPE,
    request: 'launch',
    name: `alloc_pid with next_syscall_data ${next}: ${documentName(document.uri)}`,
    patch: pathOfDocument(document),
    nextSyscallData: next,
    variant: 'patched',
    stopOnEntry: !hasBreakpointsIn(document),
  };
}

export class KprConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const active = activePatchDocument();
    // F5 with no launch.json: an empty configuration (or only the type, once the debugger is chosen).
    if (!config.request) {
      if (active) return defaultConfiguration(active, readSettings().defaultNextSyscallData);
    } else if (config.patch === undefined || config.patch === '') {
      if (active) return { ...config, patch: pathOfDocument(active) };
    } else {
      return config;
    }
    void vscode.window.showErrorMessage('Kernel Patch Review: open a patch mail (or set "patch" in the launch configuration) to debug alloc_pid in the model.');
    return undefined;
  }

  /** After ${file} and friends are substituted: relative paths are read from the workspace folder. */
  resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration {
    const base = folder ?? vscode.workspace.workspaceFolders?.[0];
    if (base === undefined || base.uri.scheme !== 'file') return config;
    const resolved = { ...config };
    for (const key of ['patch', 'scenario'] as const) {
      const value: unknown = config[key];
      if (typeof value === 'string' && value !== '' && !isAbsolute(value) && !/^[a-z][a-z0-9+.-]+:/i.test(value)) resolved[key] = join(base.uri.fsPath, value);
    }
    return resolved;
  }
}

/** Run and Debug's dropdown: one configuration per open patch document. */
export class KprDynamicConfigurations implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const next = readSettings().defaultNextSyscallData;
    return vscode.workspace.textDocuments.filter((d) => d.languageId === PATCH_LANGUAGE_ID).map((d) => defaultConfiguration(d, next));
  }
}
