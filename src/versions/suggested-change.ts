// The reviewer's change as a diff against the patch as sent: the edited copy's post-images
// against the sent one's, numbered from the sent post-image so that `git apply` takes it on a
// tree where the patch was applied (stale hunk headers in the edited copy do not matter).
import type { Patch } from '../patch/model';
import { diffPostImages, type PostImageDiff } from './interdiff';

export function suggestedChange(sent: Patch, edited: Patch): PostImageDiff {
  return diffPostImages(sent, edited, { numbering: 'from-old' });
}
