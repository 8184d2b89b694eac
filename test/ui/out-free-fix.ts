// The out_free fix as a reviewer types it into an editable copy of the sample (Try a Change…):
// `int err;` declared, the errno kept in it, and pid made ERR_PTR(err) once out_free has freed
// what it held.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE } from './sample';
import { STATE_TIMEOUT, type Workbench } from './workbench';

/** The name Try a Change gives the sample's editable copy. */
export const COPY = 'rfc-3-5-next-syscall-data-pids.edited.patch';

/** Opens the sample, then its editable copy with Try a Change…, and waits until the copy shows. */
export async function openCopyOfSample(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
  await workbench.waitForEditorText('use next syscall data to predefine process ids');
  await workbench.runCommand('Kernel Patch Review: Try a Change…');
  await workbench.tab(COPY).first().waitFor({ timeout: STATE_TIMEOUT });
  await workbench.waitForEditorText('use next syscall data to predefine process ids');
}

/** 1-based line of the first line equal to `text` at or after line `from`. */
function lineOf(lines: readonly string[], text: string, from = 1): number {
  const index = lines.findIndex((l, i) => i >= from - 1 && l === text);
  if (index < 0) throw new Error(`the sample has no line ${JSON.stringify(text)}`);
  return index + 1;
}

/** Types the fix into the active editor, which shows the sample's text (the Try a Change copy). */
export async function typeOutFreeFix(workbench: Workbench, workspace: string): Promise<void> {
  const lines = readFileSync(join(workspace, SAMPLE), 'utf8').split('\n');
  const declared = lineOf(lines, '    struct upid *upid;');
  const kept = lineOf(lines, '+ pid = ERR_PTR(rc);');
  const enomem = lineOf(lines, '+ pid = ERR_PTR(-ENOMEM);', lineOf(lines, '+ for ( ; i >= 0; i--) {'));
  const freed = lineOf(lines, '- pid = NULL;');
  // From the bottom up, so each line number still holds when it is typed at.
  await workbench.typeLineBefore(freed + 1, '+ pid = ERR_PTR(err);');
  await workbench.typeOverLine(enomem, '+ err = -ENOMEM;');
  await workbench.typeOverLine(kept, '+ err = rc;');
  await workbench.typeLineBefore(declared + 1, '+ int err;');
}
