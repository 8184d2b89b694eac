// Review states per series part (not started, in progress, done), kept in a key-value store the
// editor provides (workspace state), so they survive a window reload.

export type ReviewState = 'not-started' | 'in-progress' | 'done';

export const REVIEW_STATES: readonly ReviewState[] = ['not-started', 'in-progress', 'done'];

/** The part of VS Code's Memento the states need. */
export interface StateStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export const STATES_KEY = 'kpr.review.states';

function isState(value: unknown): value is ReviewState {
  return typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value);
}

export class ReviewStates {
  constructor(private readonly store: StateStore) {}

  /** What the store holds, with anything malformed dropped. */
  private read(): Record<string, ReviewState> {
    const raw = this.store.get(STATES_KEY);
    const out: Record<string, ReviewState> = {};
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out;
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) if (isState(value)) out[key] = value;
    return out;
  }

  get(partKey: string): ReviewState {
    return this.read()[partKey] ?? 'not-started';
  }

  async set(partKey: string, state: ReviewState): Promise<void> {
    const states = this.read();
    if (state === 'not-started') delete states[partKey];
    else states[partKey] = state;
    await this.store.update(STATES_KEY, states);
  }
}

export function stateLabel(state: ReviewState): string {
  return state === 'done' ? 'done' : state === 'in-progress' ? 'in progress' : 'not started';
}
