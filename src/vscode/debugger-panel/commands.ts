// The debugger's commands: "Debug alloc_pid…", "Debug This Scenario", "Debug to Here", the step
// commands bound to F5/F10/F11 (scoped to the panel and the patch editor), and the panel's
// serializer. extension.ts calls registerDebugger once.
import * as vscode from 'vscode';
import { followNativeSessions } from './follow-native-session';
import { Commands, DebuggerCommands } from '../ids';
import type { KprLog } from '../log';
import { PatchDocuments } from '../patch-documents';
import { readSettings } from '../settings';
import { DEBUGGER_VIEW_TYPE, isRecord, isViewMode, type ScenarioJson, type StepCommand, type ViewMode } from '../../shared/debugger-protocol';
import { DebuggerController, type SentOriginals } from './controller';
import { DebuggerPanel } from './panel';
import { loadScenarioFile } from './scenario-files';
import { defaultScenario, readScenarioJson, scenarioErrorText } from '../../kernel/scenario-input';
import { DebuggerPanelSerializer } from './serializer';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The value typed for next_syscall_data: an int, or empty for "none"; a message when it is neither. */
export function parseNextValue(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^[-+]?\d+$/.test(trimmed) || value < INT32_MIN || value > INT32_MAX) {
    return { ok: false, message: `next_syscall_data must be a 32-bit signed integer (${INT32_MIN} to ${INT32_MAX}), or empty for none` };
  }
  return { ok: true, value };
}

/** Why a step key did nothing: no scenario yet, or the scenario breaks a rule (named, with its field). */
export function noRunMessage(errors: readonly { readonly path: string; readonly message: string }[]): string {
  if (errors.length === 0) return 'The alloc_pid debugger has no run yet: use "Debug alloc_pid…" first.';
  return `The alloc_pid debugger has no run: the scenario breaks ${errors.length === 1 ? 'a rule' : `${errors.length} rules`} (${errors[0].path}: ${errors[0].message}). Fix it in the panel's Scenario form.`;
}

function modeOf(scenario: ScenarioJson): ViewMode {
  return scenario.variant === 'baseline' ? 'baseline' : 'patched';
}

/**
 * Why debugging the patch in view would show none of it (the model is the bundled sample's
 * kernel/pid.c and kernel/fork.c), or undefined when some of its lines map onto the model.
 */
function unmodelledReason(documents: PatchDocuments): string | undefined {
  const document = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].map((e) => e?.document).find((d) => d && PatchDocuments.isPatchDocument(d));
  if (!document) return undefined;
  const files = documents.mapping(document).mapping.files;
  if (files.some((f) => f.mapped > 0)) return undefined;
  const name = document.uri.path.split('/').pop() ?? document.uri.toString();
  return files.some((f) => f.modelled)
    ? `None of the kernel/pid.c or kernel/fork.c lines of ${name} is the modelled linux-2.6.26-rc8-mm1 code`
    : `${name} touches neither kernel/pid.c nor kernel/fork.c`;
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return typeof value === 'string' && value !== '' ? vscode.Uri.parse(value, true) : undefined;
}

/** `originals`: the edited copies' texts as sent, for the as sent vs as edited modes. */
export function registerDebugger(context: vscode.ExtensionContext, documents: PatchDocuments, log: KprLog, originals?: SentOriginals): DebuggerController {
  const controller = new DebuggerController(documents, log, originals);
  const show = (): DebuggerPanel => DebuggerPanel.createOrShow(context.extensionUri, controller, log);

  const start = async (scenario: ScenarioJson, mode: ViewMode, uri?: vscode.Uri): Promise<void> => {
    await controller.start(scenario, mode, uri);
    show();
  };

  const step = (command: StepCommand) => (): void => {
    if (!controller.active) {
      void vscode.window.showInformationMessage(noRunMessage(controller.state()?.errors ?? []));
      return;
    }
    controller.step(command);
  };

  context.subscriptions.push(
    controller,
    followNativeSessions(controller, log),
    { dispose: () => DebuggerPanel.current?.dispose() },
    vscode.window.registerWebviewPanelSerializer(DEBUGGER_VIEW_TYPE, new DebuggerPanelSerializer(context.extensionUri, controller, log)),

    // Optional argument: the value, which skips the prompt (tests, other commands).
    vscode.commands.registerCommand(Commands.debugAllocPid, async (value?: unknown) => {
      // The model runs the sample's code: debugging a patch that shows none of it would step
      // through code the reviewer never sees. Say so, and offer the sample (not awaited: nothing waits on a notification).
      const unmodelled = unmodelledReason(documents);
      if (unmodelled) {
        const openSample = 'Debug the Sample';
        void vscode.window.showWarningMessage(`${unmodelled}: the alloc_pid debugger models only the bundled sample's code. Debug the sample instead?`, openSample).then(async (choice) => {
          if (choice !== openSample) return;
          const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(Commands.openSample);
          if (editor) await vscode.commands.executeCommand(Commands.debugAllocPid, value);
        });
        return;
      }
      let next: number | null;
      if (typeof value === 'number' || value === null) {
        next = value;
      } else {
        const typed = await vscode.window.showInputBox({
          title: 'Debug alloc_pid',
          prompt: 'next_syscall_data for the fork (empty: none)',
          value: String(readSettings().defaultNextSyscallData),
          validateInput: (text) => {
            const parsed = parseNextValue(text);
            return parsed.ok ? undefined : parsed.message;
          },
        });
        if (typed === undefined) return;
        const parsed = parseNextValue(typed);
        if (!parsed.ok) return;
        next = parsed.value;
      }
      await start(defaultScenario(next), 'patched');
    }),

    // Arguments (scenario: object or JSON text, documentUri?, mode?): from a diagnostic, or Explore
    // Differences (mode 'sent-edited' on an edited copy). Without them, a file is asked for.
    vscode.commands.registerCommand(Commands.debugScenario, async (scenario?: unknown, documentUri?: unknown, mode?: unknown) => {
      let json: ScenarioJson | undefined;
      if (isRecord(scenario)) json = scenario;
      else if (typeof scenario === 'string') {
        const parsed = readScenarioJson(scenario);
        if (!parsed.ok) {
          void vscode.window.showErrorMessage(`Debug This Scenario: ${scenarioErrorText(parsed.error)}`);
          return;
        }
        json = parsed.json;
      } else json = await loadScenarioFile();
      if (json) await start(json, isViewMode(mode) ? mode : modeOf(json), toUri(documentUri));
    }),

    // Arguments (documentUri, line 0-based): from a hover. Without them, the patch editor's cursor line.
    vscode.commands.registerCommand(Commands.debugToHere, async (documentUri?: unknown, line?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const uri = toUri(documentUri) ?? editor?.document.uri;
      const target = typeof line === 'number' && Number.isSafeInteger(line) && line >= 0 ? line : editor?.selection.active.line;
      if (!uri || target === undefined) return;
      const sameDocument = controller.documentUri?.toString() === uri.toString();
      if (!controller.active || !sameDocument) {
        const state = controller.state();
        await controller.start(state && state.errors.length === 0 ? state.scenario : defaultScenario(readSettings().defaultNextSyscallData), state?.mode ?? 'patched', uri);
      }
      show();
      if (!controller.runToLine(target)) {
        void vscode.window.showInformationMessage(controller.state()?.message ?? `Line ${target + 1} is not executed in this scenario.`);
      }
    }),

    vscode.commands.registerCommand(DebuggerCommands.continue, step('continue')),
    vscode.commands.registerCommand(DebuggerCommands.stepOver, step('stepOver')),
    vscode.commands.registerCommand(DebuggerCommands.stepIn, step('stepIn')),
    vscode.commands.registerCommand(DebuggerCommands.stepOut, step('stepOut')),
    vscode.commands.registerCommand(DebuggerCommands.stepBack, step('stepBack')),
    vscode.commands.registerCommand(DebuggerCommands.reverseContinue, step('reverseContinue')),
    vscode.commands.registerCommand(DebuggerCommands.restart, step('restart')),
    vscode.commands.registerCommand(DebuggerCommands.inspect, () => controller.snapshot()),
  );
  return controller;
}
