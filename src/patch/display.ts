// How a file of a patch is named to a reviewer.
import type { FilePatch, Mail } from './model';

/** The file's path after the patch, or its old path when the patch deletes it. */
export function displayPath(file: FilePatch): string {
  return file.newPath === '/dev/null' ? file.oldPath : file.newPath;
}

/** The series position as reviewers write it: "RFC v2 3/5"; empty for a lone patch. */
export function seriesLabel(mail: Mail): string {
  const s = mail.series;
  const parts: string[] = [];
  if (s.rfc) parts.push('RFC');
  if (s.version !== undefined) parts.push(`v${s.version}`);
  if (s.index !== undefined) parts.push(`${s.index}/${s.total ?? '?'}`);
  return parts.join(' ');
}
