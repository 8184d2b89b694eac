// The review feature's wiring: comments, the reply composer, "Add to Review" quick fixes, the
// series view and the git apply check. extension.ts calls registerReview and nothing else.
import * as vscode from 'vscode';
import type { Findings } from '../findings';
import type { KprLog } from '../log';
import { PATCH_LANGUAGE_ID } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import { ReviewComments } from './comments';
import { registerCompose } from './compose';
import { AddToReviewActions } from './finding-actions';
import { readReviewSettings } from './settings';
import { SeriesView } from './series-view';
import { ApplyCheck } from './apply-check';
import type { ReplySuggestions } from '../versions/reply-suggestion';

export function registerReview(context: vscode.ExtensionContext, documents: PatchDocuments, findings: Findings, log: KprLog, suggestions?: ReplySuggestions): void {
  const comments = new ReviewComments(() => readReviewSettings().identity.name || 'You');
  context.subscriptions.push(
    comments,
    registerCompose(documents, comments, suggestions),
    new SeriesView(context, documents, log),
    new ApplyCheck(documents),
    vscode.languages.registerCodeActionsProvider({ language: PATCH_LANGUAGE_ID }, new AddToReviewActions(findings), { providedCodeActionKinds: AddToReviewActions.kinds }),
  );
}
