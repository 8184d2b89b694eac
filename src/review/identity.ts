// The reviewer's identity: who signs the reply's From and the trailers. The glue reads it from
// git config and the settings; this module only decides and formats.

export interface Identity {
  readonly name?: string;
  readonly email?: string;
}

/** A usable value: trimmed, non-empty, one line. */
function clean(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/[\r\n]+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Field by field, the first source that has it wins (git config first, then the settings). */
export function resolveIdentity(...sources: readonly Identity[]): Identity {
  let name: string | undefined;
  let email: string | undefined;
  for (const source of sources) {
    name ??= clean(source.name);
    email ??= clean(source.email);
  }
  if (email !== undefined) email = email.replace(/^<|>$/g, '');
  return { name, email };
}

/** Whether the identity can sign a trailer: kernel trailers need "Name <address>". */
export function isComplete(identity: Identity): identity is Required<Identity> {
  return clean(identity.name) !== undefined && clean(identity.email) !== undefined && identity.email!.includes('@');
}

/** "Name <address>" as a trailer writes it: plain text, no quoting or encoding. */
export function trailerAddress(identity: Required<Identity>): string {
  return `${identity.name} <${identity.email}>`;
}
