// The report as `kpr explore --json` prints it: document lines 1-based (`docLine`), each
// scenario in the spec's format, the patch's C text beside every line.
import type { ExplorationReport } from './explore';

export interface ReportTexts {
  /** The patch's C text of a 0-based document line. */
  textOf(line: number): string;
}

function docLine(line: number | undefined): number | null {
  return line === undefined || line < 0 ? null : line + 1;
}

export function reportToJson(report: ExplorationReport, texts: ReportTexts) {
  return {
    scenarios: report.scenarios,
    pairs: report.pairs,
    partial: report.partial,
    // Only a report the guard cut short says how long it ran: otherwise the same patch gives the same JSON.
    ...(report.partial ? { elapsedMs: Math.round(report.elapsedMs) } : {}),
    modelled: report.modelled,
    ranAsWritten: report.ranAsWritten,
    refused: report.refused.map((r) => ({ variant: r.variant, docLine: r.line + 1, column: r.column + 1, message: r.message })),
    ...(report.error === undefined ? {} : { error: report.error }),
    findings: report.findings.map((f) => ({
      kind: f.kind,
      docLine: docLine(f.line),
      variant: f.variant,
      stepId: f.stepId,
      text: texts.textOf(f.line),
      message: f.message,
      occurrences: f.occurrences,
      scenario: f.scenario,
      paths: f.paths.map((p) => ({ errno: p.errno, label: p.label, origin: p.originStepId, originDocLine: docLine(p.originLine), level: p.level, predefined: p.predefined, scenario: p.scenario })),
      ...(f.outside === undefined ? {} : { outside: { calls: f.outside.calls, fileHeaderDocLine: docLine(f.outside.anchorLine) } }),
    })),
    differences: report.differences.map((d) => ({
      kind: d.kind,
      docLine: docLine(d.line),
      message: d.message,
      occurrences: d.occurrences,
      scenario: d.scenario,
      baseline: d.baseline,
      patched: d.patched,
    })),
    unreached: report.unreached.map((u) => ({
      docLine: docLine(u.line),
      variant: u.variant,
      stepIds: u.stepIds,
      text: texts.textOf(u.line),
      ...(u.reason === undefined ? {} : { reason: u.reason }),
    })),
  };
}
