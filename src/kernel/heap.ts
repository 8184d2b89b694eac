// The slab and page objects the modelled code allocates. Kept as parallel typed arrays indexed
// by object id, so millions of forks cost a few bytes each; freed ids are never reused, which
// lets the sanitizer tell a freed object from a live one for the whole run.

export const OBJ_STRUCT_PID = 1;
export const OBJ_PAGE = 2;
export type ObjectType = typeof OBJ_STRUCT_PID | typeof OBJ_PAGE;

const STATE_LIVE = 1;
const STATE_FREED = 2;

export class KernelHeap {
  private types: Uint8Array;
  private states: Uint8Array;
  /** struct pid numbers[level].nr, `levels` slots per object id. */
  private numbers: Int32Array;
  private nextId = 1;
  private readonly pageData = new Map<number, Uint32Array>();

  /** expectedObjects sizes the arrays up front (about one struct pid per fork). */
  constructor(
    readonly levels: number,
    expectedObjects = 256,
  ) {
    const capacity = Math.max(256, expectedObjects + 1);
    this.types = new Uint8Array(capacity);
    this.states = new Uint8Array(capacity);
    this.numbers = new Int32Array(capacity * levels);
  }

  /** Ids handed out so far are 1..count. */
  get count(): number {
    return this.nextId - 1;
  }

  allocate(type: ObjectType): number {
    const id = this.nextId++;
    if (id >= this.types.length) this.grow();
    this.types[id] = type;
    this.states[id] = STATE_LIVE;
    return id;
  }

  typeOf(id: number): ObjectType | 0 {
    return id > 0 && id < this.nextId ? (this.types[id] as ObjectType) : 0;
  }

  isLive(id: number): boolean {
    return id > 0 && id < this.nextId && this.states[id] === STATE_LIVE;
  }

  isFreed(id: number): boolean {
    return id > 0 && id < this.nextId && this.states[id] === STATE_FREED;
  }

  markFreed(id: number): void {
    this.states[id] = STATE_FREED;
    this.pageData.delete(id);
  }

  pidNumber(id: number, level: number): number {
    return this.numbers[id * this.levels + level];
  }

  setPidNumber(id: number, level: number, nr: number): void {
    this.numbers[id * this.levels + level] = nr;
  }

  /** The zeroed contents of a page object (kzalloc), created on first use. */
  pageOf(id: number, create: () => Uint32Array): Uint32Array {
    let page = this.pageData.get(id);
    if (page === undefined) {
      page = create();
      this.pageData.set(id, page);
    }
    return page;
  }

  private grow(): void {
    const size = this.types.length * 2;
    const types = new Uint8Array(size);
    types.set(this.types);
    this.types = types;
    const states = new Uint8Array(size);
    states.set(this.states);
    this.states = states;
    const numbers = new Int32Array(size * this.levels);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}
