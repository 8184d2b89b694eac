// The versions feature's wiring: Try a Change (edited copies, their marks and recount), Compare
// Patch Versions, the Explore Differences view, and the suggestion the reply composer asks for.
import * as vscode from 'vscode';
import type { Findings } from '../findings';
import type { KprLog } from '../log';
import { PATCH_LANGUAGE_ID, VersionCommands } from '../ids';
import { PatchDocuments } from '../patch-documents';
import { CompareVersions } from './compare-versions';
import { EditMarks } from './edit-marks';
import { EditedCopies } from './edited-copies';
import { ExploreDifferencesView } from './explore-differences';
import { ReplySuggestions } from './reply-suggestion';

async function patchDocumentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri);
  return PatchDocuments.isPatchDocument(document) ? document : undefined;
}

/** Registers the commands and views; returns what Compose Review Reply needs for the suggestion. */
export function registerVersions(context: vscode.ExtensionContext, documents: PatchDocuments, findings: Findings, log: KprLog, copies = new EditedCopies()): ReplySuggestions {
  const marks = new EditMarks(copies, findings, log);
  const differences = new ExploreDifferencesView(copies, findings, log);
  const compare = new CompareVersions(documents, findings, differences);
  context.subscriptions.push(
    copies,
    marks,
    differences,
    vscode.languages.registerCodeLensProvider({ language: PATCH_LANGUAGE_ID }, marks),
    vscode.commands.registerCommand(VersionCommands.tryChange, async (uriArg?: unknown): Promise<string | undefined> => {
      const original = await patchDocumentOf(uriArg);
      if (!original) {
        void vscode.window.showWarningMessage('Try a Change works on a patch mail: open one first (Kernel Patch Review: Open Sample Patch).');
        return undefined;
      }
      const copy = await copies.open(original);
      await vscode.window.showTextDocument(copy, { preview: false });
      return copy.uri.toString();
    }),
    vscode.commands.registerCommand(VersionCommands.compareVersions, async (first?: unknown, second?: unknown) => {
      try {
        return await compare.run(first, second);
      } catch (error) {
        void vscode.window.showErrorMessage(`kpr could not compare the versions: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(VersionCommands.inspectDifferences, () => differences.snapshot()),
  );
  return new ReplySuggestions(copies, findings, log);
}
