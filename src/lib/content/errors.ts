/** Content errors as values, and their compiler-style rendering. */

/** One problem in one content file. */
export interface ContentError {
  /** Path relative to the project (or as given), e.g. "content/incidents/x.md". */
  file: string;
  /** 1-based line, where known. */
  line?: number;
  /** Dotted field path, e.g. "updates[2].at". */
  field?: string;
  /** What is wrong, with what was found and what was expected. */
  message: string;
}

/** Renders an error the way a compiler does: `file:line field: message`. */
export function formatError(e: ContentError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return e.field ? `${where} ${e.field}: ${e.message}` : `${where} ${e.message}`;
}

/** Renders a field path from zod/YAML path segments: `updates[2].at`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Thrown by the build when content is invalid; carries every error. */
export class ContentInvalidError extends Error {
  /** Every problem found. */
  readonly errors: ContentError[];
  constructor(errors: ContentError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in content:\n${errors.map(formatError).join('\n')}`);
    this.name = 'ContentInvalidError';
    this.errors = errors;
  }
}
