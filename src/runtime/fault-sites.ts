// Which statement each fault is blamed on — one rule for a recorded run (the panel, the debug
// adapter, `kpr trace`) and for exploration's light tracer. A fault found when a fork ends
// (`leak`, `pidmap-leak`) is blamed on the cleanup that should have prevented it: the site of the
// fork's earlier fault of the kind named below (the skipped kmem_cache_free of the struct pid,
// the skipped free_pidmap of the numbers). Any other fault goes on the innermost frame's statement
// the patch shows: a fault committed inside a function the patch does not show (free_pidmap
// reading upid->nr) goes on the call in progress that it does show (out_free's
// `free_pidmap(pid->numbers + i)`).
import type { FaultKind } from '../kernel/faults';
import type { FaultRecord } from '../stepper/recorder';
import type { Session } from '../stepper/session';
import type { StepSiteRef } from './locations';

const BLAMED_ON: Partial<Record<FaultKind, FaultKind>> = {
  leak: 'invalid-free',
  'pidmap-leak': 'err-ptr-deref',
};

/**
 * The site of a fault: `earlier` are the faults placed before it (oldest first), `stack` the
 * frames' sites at the moment it was committed (outermost first).
 */
export function placeFault<S>(
  fault: { readonly kind: FaultKind; readonly fork: number },
  earlier: readonly { readonly kind: FaultKind; readonly fork: number; readonly site: S }[],
  stack: readonly S[],
  isShown: (site: S) => boolean,
): S {
  const blamed = BLAMED_ON[fault.kind];
  if (blamed !== undefined) {
    for (let i = earlier.length - 1; i >= 0; i--) {
      if (earlier[i].fork === fault.fork && earlier[i].kind === blamed) return earlier[i].site;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if (isShown(stack[i])) return stack[i];
  return stack[stack.length - 1];
}

export interface FaultSite {
  readonly fault: FaultRecord;
  /** The statement that commits it. */
  readonly site: StepSiteRef;
  /** The point index of that statement. */
  readonly pointIndex: number;
}

/** The sites of every fault a session recorded, in order (the run's whole list, computed once by DebugRun). */
export function faultSites(session: Session, isShown: (site: StepSiteRef) => boolean): FaultSite[] {
  const faults = session.faultRecords;
  type Placed = { readonly site: StepSiteRef; readonly pointIndex: number };
  const placed: { kind: FaultKind; fork: number; site: Placed }[] = [];
  const sites: FaultSite[] = [];
  for (const fault of faults) {
    const committedAt = Math.max(0, fault.point - 1);
    const stack = session.frames(committedAt).map((frame): Placed => ({ site: frame, pointIndex: committedAt }));
    const at = placeFault(fault, placed, stack, (p) => isShown(p.site));
    placed.push({ kind: fault.kind, fork: fault.fork, site: at });
    sites.push({ fault, site: at.site, pointIndex: at.pointIndex });
  }
  return sites;
}
