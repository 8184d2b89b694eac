// Registers the `kpr` debug type: the adapter runs inline in the extension host (no process, no
// port), reads documents through the editor, and announces every stop (see stops.ts).
import * as vscode from 'vscode';
import { KprDebugSession } from '../../debug-adapter';
import { KPR_DEBUG_TYPE } from '../ids';
import { KprConfigurationProvider, KprDynamicConfigurations } from './configuration';
import { editorFiles } from './editor-files';
import { announceStop } from './stops';

class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    return new vscode.DebugAdapterInlineImplementation(new KprDebugSession(editorFiles, { onStop: announceStop }));
  }
}

export function registerNativeDebugger(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory(KPR_DEBUG_TYPE, new InlineAdapterFactory()),
    vscode.debug.registerDebugConfigurationProvider(KPR_DEBUG_TYPE, new KprConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(KPR_DEBUG_TYPE, new KprDynamicConfigurations(), vscode.DebugConfigurationProviderTriggerKind.Dynamic),
  );
}
