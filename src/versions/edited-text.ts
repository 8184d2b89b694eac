// Reads an edited copy against the patch as sent: its stale @@ headers recounted first (see
// recount.ts), so that an edit that adds or removes lines reads as the reviewer meant it.
import type { Patch } from '../patch/model';
import { parsePatchDocument, type ParseOptions } from '../patch/parse';
import { applyHeaderEdits, recountEditedHeaders, type HeaderEdit } from './recount';

export interface EditedReading {
  readonly patch: Patch;
  /** The text parsed: the edited text with its stale headers recounted. */
  readonly text: string;
  readonly recounted: readonly HeaderEdit[];
}

export function readEdited(sentText: string, sent: Patch, editedText: string, options: ParseOptions = {}): EditedReading {
  const recounted = recountEditedHeaders(sentText, sent, editedText);
  const text = applyHeaderEdits(editedText, recounted);
  return { patch: parsePatchDocument(text, options), text, recounted };
}
