// Bit operations on one pidmap page, kept as 1024 32-bit words. The kernel uses unsigned longs;
// bit n is the same bit either way, so find_next_zero_bit answers alike.
import { BITS_PER_PAGE, WORDS_PER_PAGE } from './constants';

export function newPage(): Uint32Array {
  return new Uint32Array(WORDS_PER_PAGE);
}

export function testBit(page: Uint32Array, bit: number): boolean {
  return (page[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** Sets the bit and answers whether it was already set, like the kernel's test_and_set_bit. */
export function testAndSetBit(page: Uint32Array, bit: number): boolean {
  const index = bit >>> 5;
  const mask = 1 << (bit & 31);
  const word = page[index];
  if ((word & mask) !== 0) return true;
  page[index] = word | mask;
  return false;
}

export function setBit(page: Uint32Array, bit: number): void {
  page[bit >>> 5] |= 1 << (bit & 31);
}

export function clearBit(page: Uint32Array, bit: number): void {
  page[bit >>> 5] &= ~(1 << (bit & 31));
}

/**
 * find_next_zero_bit(page, BITS_PER_PAGE, offset): the first clear bit at or after offset, or
 * BITS_PER_PAGE when there is none. Word-wise, so a full page costs 1024 word reads at most.
 */
export function findNextZeroBit(page: Uint32Array, offset: number): number {
  if (offset >= BITS_PER_PAGE) return BITS_PER_PAGE;
  let index = offset >>> 5;
  // Bits below offset in the first word count as set.
  let free = ~page[index] & (-1 << (offset & 31));
  while (free === 0) {
    if (++index >= WORDS_PER_PAGE) return BITS_PER_PAGE;
    free = ~page[index];
  }
  return (index << 5) + (31 - Math.clz32(free & -free));
}

/** Number of set bits in the page. */
export function countSetBits(page: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < page.length; i++) {
    let v = page[i];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

/** Sets the bits from..to (inclusive) of one page, word-wise. */
export function setBitRange(page: Uint32Array, from: number, to: number): void {
  let bit = from;
  while (bit <= to) {
    if ((bit & 31) === 0 && to - bit >= 31) {
      page[bit >>> 5] = 0xffffffff;
      bit += 32;
    } else {
      setBit(page, bit);
      bit++;
    }
  }
}
