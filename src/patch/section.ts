// The function a hunk sits in, read from the section text after the second "@@". diff -p and
// git both cut that text short, so "static int alloc_pidmap(struct pid_names" still names
// alloc_pidmap; a goto label ("out_free:") names no function of its own.

const LABEL = /^[A-Za-z_]\w{0,200}:\s*$/;
const SYSCALL = /^(?:COMPAT_)?SYSCALL_DEFINE\d\s*\(\s*(\w+)/;

/** /\w/ by character code: [A-Za-z0-9_]. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export function isLabel(section: string): boolean {
  const text = section.trim();
  return text !== 'default:' && LABEL.test(text);
}

/** The function named by a section text, or undefined for labels, types and empty text. */
export function functionFromSection(section: string): string | undefined {
  const text = section.trim().slice(0, 1000);
  if (text === '' || isLabel(text)) return undefined;
  const syscall = SYSCALL.exec(text);
  if (syscall) return `sys_${syscall[1]}`;
  const paren = text.indexOf('(');
  if (paren <= 0) return undefined;
  const before = text.slice(0, paren).trimEnd();
  let start = before.length;
  while (start > 0 && isWordCode(before.charCodeAt(start - 1))) start--;
  const name = before.slice(start);
  if (name === '' || /^\d/.test(name)) return undefined;
  // "if (", "for (" and friends are statements, not definitions.
  if (['if', 'for', 'while', 'switch', 'return', 'sizeof'].includes(name)) return undefined;
  return name;
}
