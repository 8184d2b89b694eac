// The Markdown of a hover on a patch mail, without the editor. On a hunk line: what it does in
// plain words, the model step(s) it maps to, the faults the model finds on it with the scenario
// that shows them, and links to debug to it or show it in the model. On the subject, a file
// header, a hunk header or the diffstat: the series position, files and counts recounted from the
// hunks. On a repaired line: the repair. Patch text is escaped; the links name only the commands
// the caller trusts (src/vscode/providers/hover.ts wraps the text for VS Code).
import { commandLink, escapeMarkdown, explainLine, functionOfSection, inlineCode, renderExplanationMarkdown } from '../explain';
import { describeDiffstatEntry, describeFile, describeHunkHeader, describeMail, describeRepairs } from '../explain/patch-summary';
import type { Finding } from '../explore';
import type { LineMapping, MappingIndex } from '../mapping';
import { displayPath } from '../patch/display';
import type { Patch } from '../patch/model';
import { repairRuns, repairsCovering } from '../patch/repair-runs';

/** The command ids the hover's links run (the editor's, given by the caller). */
export interface HoverCommandIds {
  readonly debugScenario: string;
  readonly debugToHere: string;
  readonly showInModel: string;
}

export interface HoverInput {
  readonly patch: Patch;
  readonly mapping: MappingIndex;
  /** The document the links act on. */
  readonly documentUri: string;
  /** The model's findings on a document line. */
  readonly findingsAt: (line: number) => readonly Finding[];
  readonly commands: HoverCommandIds;
}

const LINE_KIND_WORDS: Record<string, string> = { ' ': 'context line', '+': 'added line', '-': 'removed line', '\\': 'no-newline marker' };
/** More would push the links below the fold of the hover. */
const MAX_FINDINGS = 6;
const MAX_PATHS = 6;

/** The hover's Markdown for a 0-based document line, or undefined when there is nothing to say. */
export function patchHoverMarkdown(input: HoverInput, line: number): string | undefined {
  const sections: string[] = [];
  const mapped = input.mapping.line(line);
  if (mapped) sections.push(hunkLineHover(input, mapped));
  else {
    const structural = structuralHover(input.patch, line);
    if (structural) sections.push(structural);
  }
  const repairs = repairsCovering(repairRuns(input.patch), line);
  if (repairs.length) sections.push(describeRepairs(repairs));
  return sections.length === 0 ? undefined : sections.join('\n\n---\n\n');
}

function hunkLineHover(input: HoverInput, mapped: LineMapping): string {
  const { patch, documentUri, commands } = input;
  const file = patch.mails.flatMap((m) => m.files).find((f) => f.range.start.line <= mapped.line && mapped.line <= f.range.end.line);
  const diffLine = file?.hunks.find((h) => h.range.start.line <= mapped.line && mapped.line <= h.range.end.line)?.lines.find((l) => l.line === mapped.line);
  const where = [file && inlineCode(displayPath(file)), mapped.fn && inlineCode(mapped.fn), LINE_KIND_WORDS[mapped.kind]].filter(Boolean).join(' · ');
  const numbers = [diffLine?.oldLine && `before the patch line ${diffLine.oldLine}`, diffLine?.newLine && `after it line ${diffLine.newLine}`].filter(Boolean).join(', ');
  const out = [`**kpr** — ${where}${numbers ? ` (${numbers})` : ''}`, ''];
  const kind = mapped.kind === '\\' ? undefined : mapped.kind;
  out.push(renderExplanationMarkdown(explainLine(mapped.text, { functionName: mapped.fn, kind })));
  out.push('', modelSection(mapped));
  const found = input.findingsAt(mapped.line);
  if (found.length) {
    out.push('', '**Faults the model finds here**', '');
    for (const finding of found.slice(0, MAX_FINDINGS)) {
      out.push(`- $(error) ${escapeMarkdown(finding.kind)} (${finding.variant}): ${escapeMarkdown(finding.message)}`);
      out.push(`  scenario ${inlineCode(JSON.stringify(finding.scenario))} — ${commandLink('Debug This Scenario', commands.debugScenario, [finding.scenario, documentUri])}`);
      for (const path of finding.paths.slice(0, MAX_PATHS)) {
        out.push(`  - via ${escapeMarkdown(path.label)} — ${commandLink('Debug', commands.debugScenario, [path.scenario, documentUri])}`);
      }
    }
  }
  const links: string[] = [];
  if (Object.keys(mapped.steps).length) links.push(commandLink('Debug to here', commands.debugToHere, [documentUri, mapped.line]));
  if (mapped.fn) links.push(commandLink('Show in model', commands.showInModel, [documentUri, mapped.line]));
  if (links.length) out.push('', links.join(' · '));
  return out.join('\n');
}

function modelSection(mapped: LineMapping): string {
  switch (mapped.lineClass) {
    case 'comment': return '_Not executable: a comment._';
    case 'blank': return '_Not executable: a blank line._';
    case 'brace': return '_Not executable: only braces or `else`._';
    case 'declaration': return '_Not executable: a declaration (no initializer runs)._';
    case 'preprocessor': return '_Not executable: a preprocessor line._';
    case 'unmapped':
      if (mapped.unmappedReason) return `**Not mapped:** ${escapeMarkdown(mapped.unmappedReason)}.`;
      return `**Not mapped:** the model has no statement matching this line${mapped.fn ? ` in ${inlineCode(mapped.fn)}` : ''}.`;
    default: {
      const parts = (['patched', 'baseline'] as const)
        .filter((v) => mapped.steps[v]?.length)
        .map((v) => `${v === 'patched' ? 'after the patch' : 'before the patch'} as step ${mapped.steps[v]!.map(inlineCode).join(', ')}`);
      return parts.length ? `**Model:** runs ${parts.join('; ')}.` : '_This file is not part of the model._';
    }
  }
}

/** Hover text for the subject, file headers, hunk headers and the diffstat. */
function structuralHover(patch: Patch, line: number): string | undefined {
  for (const mail of patch.mails) {
    if (line < mail.range.start.line || line > mail.range.end.line) continue;
    if (line === mail.subjectLine) return describeMail(mail);
    if (mail.diffstat) {
      const entry = mail.diffstat.entries.find((e) => e.line === line);
      if (entry) return describeDiffstatEntry(entry, mail);
      if (mail.diffstat.summaryLine === line) return describeMail(mail);
    }
    for (const file of mail.files) {
      const hunk = file.hunks.find((h) => h.headerLine === line);
      if (hunk) return describeHunkHeader(hunk, functionOfSection(hunk.section) ?? hunk.functionName);
      const firstHunk = file.hunks[0]?.headerLine ?? file.range.end.line + 1;
      if (line >= file.headerLine && line < firstHunk) return describeFile(file, mail);
    }
  }
  return undefined;
}
