// "The webview follows the same session": every stop of a `kpr` debug session, for any UI that
// shows the same run (the alloc_pid panel can load the scenario and go to the point).
import * as vscode from 'vscode';
import type { StopNotice } from '../../debug-adapter';
import type { ScenarioJson } from '../../shared/debugger-protocol';
import { uriOfPath } from './editor-files';

export interface ModelDebugStop {
  readonly scenario: ScenarioJson;
  readonly variant: 'baseline' | 'patched';
  /** The recorded point the session stopped at (Session.goTo(pointIndex) shows the same state). */
  readonly pointIndex: number;
  /** The patch document the session's breakpoints and frames refer to. */
  readonly documentUri: string;
}

// One emitter for the extension host's lifetime: listeners dispose their own subscriptions.
const stops = new vscode.EventEmitter<ModelDebugStop>();

/** Fires on every stop of every `kpr` debug session (entry, breakpoint, step, reverse moves). */
export const onDidStopInModel: vscode.Event<ModelDebugStop> = stops.event;

export function announceStop(notice: StopNotice): void {
  stops.fire({
    scenario: { ...notice.scenario },
    variant: notice.variant,
    pointIndex: notice.pointIndex,
    documentUri: uriOfPath(notice.patchPath).toString(),
  });
}
