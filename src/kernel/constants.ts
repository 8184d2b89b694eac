// The constants of linux-2.6.26-rc8-mm1 on x86_64 with 4 KiB pages, as the scenario spec lists them.
import { errnoNameOf } from './errno-names';

export const PAGE_SIZE = 4096;
export const BITS_PER_PAGE = PAGE_SIZE * 8;
export const BITS_PER_PAGE_MASK = BITS_PER_PAGE - 1;
export const PID_MAX_DEFAULT = 32768;
export const PID_MAX_LIMIT = 4194304;
export const RESERVED_PIDS = 300;
export const PIDMAP_ENTRIES = PID_MAX_LIMIT / BITS_PER_PAGE;
/** Deepest namespace level a scenario may run in (spec: depth 0..31). */
export const MAX_DEPTH = 31;
/** PIDTYPE_PID, PIDTYPE_PGID, PIDTYPE_SID: alloc_pid initialises one hlist head per type. */
export const PIDTYPE_MAX = 3;
/** Errno values of the errors fork() can return in this model. */
export const ENOMEM = 12;
export const EBUSY = 16;
export const EINVAL = 22;
/** ERR_PTR values are the top MAX_ERRNO addresses. */
export const MAX_ERRNO = 4095;
/** Words of 32 bits in one pidmap page: the model keeps bitmaps as Uint32Array. */
export const WORDS_PER_PAGE = BITS_PER_PAGE / 32;

/** An errno name as <errno.h> spells it: the model returns ENOMEM, EINVAL, EBUSY; an edited patch any. */
export type Errno = string;

/** The symbolic name of a positive errno (any in the kernel's list, for edited patches). */
export function errnoName(errno: number): Errno | undefined {
  return errnoNameOf(errno);
}
