// Which statement commits each fault a session recorded. Faults found when a fork ends (`leak`,
// `pidmap-leak`) are blamed on the cleanup that should have prevented them: the skipped
// kmem_cache_free of the struct pid, the skipped free_pidmap of the numbers.
import type { FaultKind } from '../kernel/faults';
import type { Session } from '../stepper/session';
import type { FaultRecord } from '../stepper/recorder';

export interface FaultSite {
  readonly fault: FaultRecord;
  /** The step that commits it. */
  readonly stepId: string;
  /** The point index of that step. */
  readonly pointIndex: number;
}

/** The fault kind whose site a fork-end fault shares, when the fork committed one. */
const BLAMED_ON: Partial<Record<FaultKind, FaultKind>> = {
  leak: 'invalid-free',
  'pidmap-leak': 'err-ptr-deref',
};

/**
 * `isShown` says whether a step has a line in the patch. A fault committed inside a function
 * the patch does not show (free_pidmap reading upid->nr) is placed on the call in progress that
 * the patch does show (out_free's `free_pidmap(pid->numbers + i)`).
 */
export function faultSites(session: Session, faults: readonly FaultRecord[], isShown: (stepId: string) => boolean = () => true): FaultSite[] {
  const sites: FaultSite[] = [];
  for (const fault of faults) {
    const blamedKind = BLAMED_ON[fault.kind];
    const earlier = blamedKind ? [...sites].reverse().find((s) => s.fault.fork === fault.fork && s.fault.kind === blamedKind) : undefined;
    if (earlier) {
      sites.push({ fault, stepId: earlier.stepId, pointIndex: earlier.pointIndex });
      continue;
    }
    const pointIndex = Math.max(0, fault.point - 1);
    sites.push({ fault, stepId: shownStep(session, pointIndex, isShown), pointIndex });
  }
  return sites;
}

function shownStep(session: Session, pointIndex: number, isShown: (stepId: string) => boolean): string {
  const own = session.summary(pointIndex).stepId;
  if (isShown(own)) return own;
  const stack = session.point(pointIndex).stack;
  for (let i = stack.length - 2; i >= 0; i--) if (isShown(stack[i].stepId)) return stack[i].stepId;
  return own;
}
