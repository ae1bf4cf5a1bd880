/**
 * One error type for every user-facing failure. `code` is the process exit code the CLI
 * runner uses; `hint` is a one-line fix. Anything that is not a WispError is a bug (exit 1).
 */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  source: 3,
  validation: 4,
  shrink: 5,
  locked: 6,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type WispErrorKind = 'usage' | 'config' | 'source' | 'validation' | 'shrink' | 'locked' | 'output';

const kindToCode: Record<WispErrorKind, ExitCodeValue> = {
  usage: ExitCode.usage,
  config: ExitCode.usage,
  source: ExitCode.source,
  validation: ExitCode.validation,
  shrink: ExitCode.shrink,
  locked: ExitCode.locked,
  // A failure to write the output files is not the source's fault nor a bug in our code: it is the
  // operator's machine (disk full, permissions). It maps to the internal code only because DESIGN
  // has no dedicated one; the message always names the path.
  output: ExitCode.internal,
};

export interface WispErrorOptions {
  hint?: string;
  cause?: unknown;
  /** Extra lines printed under the message (validation problems, for instance). */
  details?: string[];
}

export class WispError extends Error {
  readonly kind: WispErrorKind;
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(kind: WispErrorKind, message: string, options: WispErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WispError';
    this.kind = kind;
    this.exitCode = kindToCode[kind];
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

export function isWispError(value: unknown): value is WispError {
  return value instanceof WispError;
}
