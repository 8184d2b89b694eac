// The readable report of `kpr explore`: findings with their document line, the patch's C text
// and the smallest scenario on one line (ready for `kpr simulate`), then differences, then
// unreached lines.
import type { ExplorationReport } from './explore';
import type { ReportTexts } from './report-json';
import { scenarioOneLine } from './scenario-json';

function at(line: number | undefined): string {
  return line === undefined || line < 0 ? 'L?' : `L${line + 1}`;
}

export function formatReport(report: ExplorationReport, texts: ReportTexts): string {
  const out: string[] = [];
  if (!report.modelled) {
    out.push('kpr explore: the patch shows no line of the modelled kernel code (kernel/pid.c, kernel/fork.c); nothing to explore.');
    return out.join('\n') + '\n';
  }
  // No timings: the same patch gives the same report, on any machine.
  const partial = report.error !== undefined ? ` — PARTIAL: a run failed (${report.error})` : report.partial ? ` — PARTIAL: stopped by the time budget guard after ${Math.round(report.elapsedMs)} ms` : ', the whole scenario space';
  out.push(`kpr explore: ${report.scenarios} scenario runs (a scenario on one variant), ${report.pairs} baseline/patched pairs compared${partial}`);
  if (report.refused.length > 0) {
    const variants = [...new Set(report.refused.map((r) => r.variant))];
    out.push('', `Not run as written (${variants.join(' and ')}: the interpreter refuses its text, so it was not explored):`);
    for (const r of report.refused) out.push(`  L${r.line + 1}:${r.column + 1} ${r.variant}: ${r.message}`);
  }

  out.push('', `Findings (${report.findings.length}):`);
  if (report.findings.length === 0) out.push('  none');
  for (const f of report.findings) {
    // Code the patch does not show has no line to quote: name the calls instead.
    const place = f.outside === undefined ? at(f.line) : `${at(f.outside.anchorLine)} (file header)`;
    const text = f.outside === undefined ? texts.textOf(f.line) : `in ${f.outside.calls}, which the patch does not show`;
    out.push(`  ${place} ${f.kind} (${f.variant}, in ${f.occurrences} run${f.occurrences === 1 ? '' : 's'})  ${text}`);
    out.push(`    ${f.message}`);
    out.push(`    smallest: ${scenarioOneLine(f.scenario)}`);
    for (const p of f.paths) out.push(`    path ${p.label}: ${scenarioOneLine(p.scenario)}`);
  }

  out.push('', `Differences between baseline and patched (${report.differences.length}):`);
  if (report.differences.length === 0) out.push('  none');
  for (const d of report.differences) {
    out.push(`  ${at(d.line)} ${d.kind} (in ${d.occurrences} compared pair${d.occurrences === 1 ? '' : 's'})${d.line === undefined ? '' : `  ${texts.textOf(d.line)}`}`);
    out.push(`    ${d.message}`);
    out.push(`    smallest: ${scenarioOneLine(d.scenario)}`);
  }

  out.push('', `Executable patch lines no scenario reached (${report.unreached.length}):`);
  if (report.partial) out.push('  not reported: the exploration did not finish');
  else if (report.unreached.length === 0) out.push('  none');
  for (const u of report.unreached) {
    out.push(`  ${at(u.line)} ${u.variant.padEnd(8)} ${texts.textOf(u.line)}${u.reason === undefined ? '' : `  — ${u.reason}`}`);
  }
  return out.join('\n') + '\n';
}
