// "The webview, when open, follows the same session": every stop of a `kpr` session in VS Code's
// own debugger moves the alloc_pid panel to the same recorded point — loading the session's
// scenario first when the panel shows another one. Both record with the same stepper, so a point
// index means the same state on both sides.
import * as vscode from 'vscode';
import { onDidStopInModel, type ModelDebugStop } from '../native-debug';
import type { DebuggerController } from './controller';
import { DebuggerPanel } from './panel';
import { errorMessage, type KprLog } from '../log';

export function followNativeSessions(controller: DebuggerController, log: KprLog): vscode.Disposable {
  return onDidStopInModel((stop) => {
    if (!DebuggerPanel.current) return;
    void follow(controller, stop).catch((error: unknown) => {
      log.error(`debugger: the panel could not follow the debug session: ${errorMessage(error)}`);
    });
  });
}

async function follow(controller: DebuggerController, stop: ModelDebugStop): Promise<void> {
  const shown = controller.persisted();
  const scenario = { ...stop.scenario, variant: stop.variant };
  const same = shown !== null && shown.mode === stop.variant && shown.documentUri === stop.documentUri
    && JSON.stringify({ ...shown.scenario, variant: stop.variant }) === JSON.stringify(scenario);
  if (same) controller.goTo(0, stop.pointIndex);
  else await controller.start(scenario, stop.variant, vscode.Uri.parse(stop.documentUri), [stop.pointIndex]);
}
