// Preprocessor lines: `#ifndef _LINUX_NEXT_SYSCALL_DATA_H`, `#define`, `#include`, `#endif`, …
import type { CToken } from './c-tokens';

/** `tokens` start with `#`; `text` is the line the tokens were read from. */
export function describeDirective(tokens: readonly CToken[], text: string): string {
  const directive = tokens[1]?.kind === 'identifier' ? tokens[1].text : '';
  const third = tokens[2];
  const argument = third ? text.slice(third.start).trim() : '';
  const name = third?.kind === 'identifier' ? third.text : argument;
  switch (directive) {
    case 'include':
      return `Includes the header ${argument || '(name missing)'}.`;
    case 'define': {
      const fourth = tokens[3];
      if (!third) return 'Defines a macro (name missing).';
      if (fourth && fourth.text === '(' && fourth.start === third.start + third.text.length) {
        return `Defines the function-like macro ${name}: ${argument}.`;
      }
      const value = fourth ? text.slice(fourth.start).trim() : '';
      return value ? `Defines the macro ${name} as ${value}.` : `Defines the macro ${name} (with no value: it only marks that it is defined).`;
    }
    case 'undef':
      return `Removes the definition of the macro ${name}.`;
    case 'ifndef':
      return `Compiles the lines up to the matching #else or #endif only if ${name} is not defined${/_H_?$/.test(name) ? ' (an include guard: the header is read once)' : ''}.`;
    case 'ifdef':
      return `Compiles the lines up to the matching #else or #endif only if ${name} is defined.`;
    case 'if':
      return `Compiles the lines up to the matching #elif, #else or #endif only if ${argument} is true.`;
    case 'elif':
      return `Otherwise compiles the following lines if ${argument} is true.`;
    case 'else':
      return 'Otherwise (the #if above was false) compiles the following lines.';
    case 'endif':
      return 'Ends the conditional compilation block (#if, #ifdef or #ifndef).';
    case 'error':
      return `Stops compilation with the message: ${argument}.`;
    case 'pragma':
      return `Gives the compiler a directive: ${argument}.`;
    default:
      return `A preprocessor line: #${directive} ${argument}`.trimEnd() + '.';
  }
}
