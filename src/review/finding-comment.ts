// A model finding or a diagnostic turned into a review comment: the reviewer's words for it and
// the scenario that reproduces it, so the author can run the same case.

export interface FindingLike {
  readonly message: string;
  readonly variant?: string;
  readonly detail?: string;
  readonly scenario?: unknown;
}

/** The scenario as one JSON line, indented so the comment wrap keeps it whole; undefined if unserialisable. */
function scenarioLine(scenario: unknown): string | undefined {
  try {
    const json = JSON.stringify(scenario);
    return typeof json === 'string' && json.length <= 20_000 ? `    ${json}` : undefined;
  } catch {
    return undefined;
  }
}

export function findingCommentBody(finding: FindingLike): string {
  const lines = [String(finding.message).trim()];
  const where = [finding.variant ? `the ${finding.variant} kernel` : undefined, finding.detail ? String(finding.detail) : undefined].filter(Boolean);
  if (finding.scenario !== undefined) {
    const scenario = scenarioLine(finding.scenario);
    lines.push('', `kpr's model of this code shows it${where.length > 0 ? ` (${where.join(': ')})` : ''} with this scenario:`);
    if (scenario) lines.push('', scenario);
  }
  return lines.join('\n');
}
