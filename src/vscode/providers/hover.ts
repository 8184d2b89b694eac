// Hover on a patch mail. On a hunk line: what it does in plain words, the model step(s) it maps
// to, the faults the model finds on it with the scenario that shows them, and links to debug to
// it or show it in the model. On the subject, a file header, a hunk header or the diffstat: the
// series position, files and counts recounted from the hunks. On a repaired line: the repair.
// Patch text is escaped; only kpr's own commands are trusted in the Markdown.
import * as vscode from 'vscode';
import { explainLine, renderExplanationMarkdown, commandLink, inlineCode, escapeMarkdown } from '../../explain';
import { describeDiffstatEntry, describeFile, describeHunkHeader, describeMail, describeRepairs } from '../../explain/patch-summary';
import { functionOfSection } from '../../explain';
import type { LineMapping } from '../../mapping';
import type { Patch } from '../../patch/model';
import { displayPath } from '../../patch/display';
import { Commands, HOVER_COMMANDS } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import type { FindingsStore } from '../findings';

const LINE_KIND_WORDS: Record<string, string> = { ' ': 'context line', '+': 'added line', '-': 'removed line', '\\': 'no-newline marker' };

export class PatchHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: PatchDocuments, private readonly findings: FindingsStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const patch = this.documents.get(document);
    const line = position.line;
    const sections: string[] = [];
    const mapped = this.documents.mapping(document).line(line);
    if (mapped) sections.push(this.hunkLineHover(document, patch, mapped));
    else {
      const structural = structuralHover(patch, line);
      if (structural) sections.push(structural);
    }
    const repairs = patch.repairs.filter((r) => r.range.start.line <= line && line <= r.range.end.line);
    if (repairs.length) sections.push(describeRepairs(repairs));
    if (sections.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(sections.join('\n\n---\n\n'));
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    markdown.supportThemeIcons = true;
    return new vscode.Hover(markdown, document.lineAt(line).range);
  }

  private hunkLineHover(document: vscode.TextDocument, patch: Patch, mapped: LineMapping): string {
    const file = patch.mails.flatMap((m) => m.files).find((f) => f.range.start.line <= mapped.line && mapped.line <= f.range.end.line);
    const diffLine = file?.hunks.flatMap((h) => h.lines).find((l) => l.line === mapped.line);
    const where = [file && inlineCode(displayPath(file)), mapped.fn && inlineCode(mapped.fn), LINE_KIND_WORDS[mapped.kind]].filter(Boolean).join(' · ');
    const numbers = [diffLine?.oldLine && `before the patch line ${diffLine.oldLine}`, diffLine?.newLine && `after it line ${diffLine.newLine}`].filter(Boolean).join(', ');
    const out = [`**kpr** — ${where}${numbers ? ` (${numbers})` : ''}`, ''];
    const kind = mapped.kind === '\\' ? undefined : mapped.kind;
    out.push(renderExplanationMarkdown(explainLine(mapped.text, { functionName: mapped.fn, kind })));
    out.push('', modelSection(mapped));
    const found = this.findings.findingsAt(document, mapped.line);
    if (found.length) {
      out.push('', '**Faults the model finds here**', '');
      for (const finding of found.slice(0, 6)) {
        out.push(`- $(error) ${escapeMarkdown(finding.kind)} (${finding.variant}): ${escapeMarkdown(finding.message)}`);
        out.push(`  scenario ${inlineCode(JSON.stringify(finding.scenario))} — ${commandLink('Debug This Scenario', Commands.debugScenario, [finding.scenario, document.uri.toString()])}`);
        for (const path of finding.paths.slice(0, 6)) {
          out.push(`  - via ${escapeMarkdown(path.label)} — ${commandLink('Debug', Commands.debugScenario, [path.scenario, document.uri.toString()])}`);
        }
      }
    }
    const links: string[] = [];
    if (Object.keys(mapped.steps).length) links.push(commandLink('Debug to here', Commands.debugToHere, [document.uri.toString(), mapped.line]));
    if (mapped.fn) links.push(commandLink('Show in model', Commands.showInModel, [document.uri.toString(), mapped.line]));
    if (links.length) out.push('', links.join(' · '));
    return out.join('\n');
  }
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
