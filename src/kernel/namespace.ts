// One pid namespace's allocator state: the pidmap entries (a lazily allocated 32768-bit page and
// nr_free each) and last_pid. Struct pid_namespace holds exactly these for pid allocation.
import { BITS_PER_PAGE, PIDMAP_ENTRIES } from './constants';

export class PidNamespace {
  lastPid = 0;
  /** pidmap[e].page: null until allocated (namespace creation allocates entry 0). */
  readonly pages: (Uint32Array | null)[] = new Array<Uint32Array | null>(PIDMAP_ENTRIES).fill(null);
  /** The heap object id of each allocated page (0: none), for pointer display and kfree. */
  readonly pageIds = new Int32Array(PIDMAP_ENTRIES);
  /** pidmap[e].nr_free: ATOMIC_INIT(BITS_PER_PAGE) for every entry, allocated or not. */
  readonly nrFree = new Int32Array(PIDMAP_ENTRIES).fill(BITS_PER_PAGE);

  constructor(
    readonly level: number,
    readonly parent: PidNamespace | null,
  ) {}
}
