// Pointers in the model are plain numbers so that fast mode allocates nothing per fork:
// 0 is NULL, -1..-4095 are ERR_PTR(-errno) (the top 4095 addresses, as in the kernel), and a
// positive number is the id of a heap object (struct pid or pidmap page). The other pointer
// encodings (namespaces, pidmap entries, upids) are listed in locals.ts; values.ts turns any of
// them into a typed Value for the faces.
import { MAX_ERRNO } from './constants';

export type Ptr = number;
export const NULL: Ptr = 0;

export function ERR_PTR(error: number): Ptr {
  return error;
}

export function IS_ERR(ptr: Ptr): boolean {
  return ptr < 0 && ptr >= -MAX_ERRNO;
}

export function PTR_ERR(ptr: Ptr): number {
  return ptr;
}

/** `pid->numbers + level` as a number: pid * UPID_STRIDE + level (the interpreter's encoding too). */
export const UPID_STRIDE = 64;

export function upidRef(pid: Ptr, level: number): number {
  return pid * UPID_STRIDE + level;
}

/** The struct pid (or error pointer) a upid reference points into. */
export function upidPid(upid: number): Ptr {
  return Math.floor(upid / UPID_STRIDE);
}

export function upidLevel(upid: number): number {
  return upid - upidPid(upid) * UPID_STRIDE;
}
