// The slice of kernel/fork.c's copy_process() around alloc_pid(): everything before it succeeds
// (copy_thread returns 0), the pid allocation, and turning its result into fork's return value.
// The statements next to the alloc_pid call are stepped so that the patch's fork.c lines map.
import { ENOMEM } from './constants';
import type { Kernel } from './kernel';
import { allocPid } from './pid';
import { IS_ERR, NULL, PTR_ERR, type Ptr } from './pointers';
import type { Locals } from './tracer';

/** do_fork's flags for a plain fork(): SIGCHLD, no CLONE_NEWPID. */
const FORK_CLONE_FLAGS = 17;

function copyLocals(task: number, pid: Ptr, retval: number | null): Locals {
  return { clone_flags: FORK_CLONE_FLAGS, p: task, pid, retval };
}

/**
 * Runs the slice and returns fork's outcome as copy_process leaves it: the child's struct pid id
 * (> 0) on success, or -errno.
 */
export function copyProcess(k: Kernel): number {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  // The child task_struct, shown by address only; one per fork.
  const task = k.forkIndex + 1;
  // do_fork passes pid = NULL: only the idle task is forked with &init_struct_pid.
  let pid: Ptr = NULL;
  if (tr !== null) tr.call('copy_process', copyLocals(task, pid, null));
  if (tr !== null) tr.step('copy_process/copy_thread', copyLocals(task, pid, null));
  let retval = 0;
  if (tr !== null) tr.step('copy_process/if-retval', copyLocals(task, pid, retval));
  if (tr !== null) tr.step('copy_process/if-not-init', copyLocals(task, pid, retval));
  if (!k.patched) {
    if (tr !== null) tr.step('copy_process/retval-enomem', copyLocals(task, pid, retval));
    retval = -ENOMEM;
  }
  if (tr !== null) tr.step('copy_process/alloc_pid', copyLocals(task, pid, retval));
  pid = allocPid(k, k.namespaces[k.depth]);
  let failed: boolean;
  if (k.patched) {
    if (tr !== null) tr.step('copy_process/if-is-err', copyLocals(task, pid, retval));
    failed = IS_ERR(pid);
    if (failed) {
      if (tr !== null) tr.step('copy_process/retval-ptr-err', copyLocals(task, pid, retval));
      retval = PTR_ERR(pid);
    }
  } else {
    if (tr !== null) tr.step('copy_process/if-no-pid', copyLocals(task, pid, retval));
    failed = pid === NULL;
  }
  if (failed) {
    if (tr !== null) tr.step('copy_process/goto-cleanup-io', copyLocals(task, pid, retval));
    if (tr !== null) tr.step('copy_process/bad_fork_cleanup_io', copyLocals(task, pid, retval));
    if (tr !== null) tr.step('copy_process/return-err', copyLocals(task, pid, retval));
    if (tr !== null) tr.ret(retval);
    return retval;
  }
  if (tr !== null) tr.step('copy_process/if-newpid', copyLocals(task, pid, retval));
  if (tr !== null) tr.step('copy_process/return-p', copyLocals(task, pid, retval));
  if (tr !== null) tr.ret(task);
  return pid;
}
