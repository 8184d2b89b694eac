// Typed access to the review settings (contributed in package.json under "kpr.review.*").
import * as vscode from 'vscode';
import type { Identity } from '../../review/identity';
import { trailerKindsFrom, type ReviewTrailerKind } from '../../review/trailers';

export interface ReviewSettings {
  /** Used where git config has no user.name / user.email. */
  readonly identity: Identity;
  /** The trailers proposed when composing (the reviewer confirms them). */
  readonly trailers: readonly ReviewTrailerKind[];
  /** The tree `git apply --check` runs in; empty means the workspace folder when it is a git tree. */
  readonly applyTree: string;
}

export function readReviewSettings(): ReviewSettings {
  const config = vscode.workspace.getConfiguration('kpr.review');
  const text = (key: string) => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    identity: { name: text('name'), email: text('email') },
    trailers: trailerKindsFrom(config.get<unknown>('trailers')),
    applyTree: text('applyTree'),
  };
}
