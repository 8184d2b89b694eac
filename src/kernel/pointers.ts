// Pointers in the model are plain numbers so that fast mode allocates nothing per fork:
// 0 is NULL, -1..-4095 are ERR_PTR(-errno) (the top 4095 addresses, as in the kernel), and a
// positive number is the id of a heap object (struct pid or pidmap page).
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
