/**
 * What every command prints when it fails and which exit code it returns: a WispError's message,
 * hint and details; commander's own usage errors (already printed) as exit 2; anything else as a
 * bug (exit 1, stack trace only with --verbose).
 */
import { CommanderError } from 'commander';
import { ExitCode, isWispError } from '../errors/index.js';

export interface ErrorPrinter {
  error(message: string, hint?: string, details?: string[]): void;
}

/** Where a command's text goes; tests pass their own. */
export interface ToolOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processOutput: ToolOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Plain `error:` / `hint:` lines on the output's stderr (for commands without a run reporter). */
export function stderrPrinter(out: ToolOutput): ErrorPrinter {
  return {
    error(message, hint, details = []) {
      const lines = [`error: ${message}`, ...details.map((line) => `  ${line}`)];
      if (hint) lines.push(`hint: ${hint}`);
      out.stderr(`${lines.join('\n')}\n`);
    },
  };
}

export function exitCodeFor(error: unknown, printer: ErrorPrinter, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed its message (or the help/version text).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (isWispError(error)) {
    printer.error(error.message, error.hint, error.details);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  printer.error(
    `internal error: ${message}`,
    verbose ? undefined : 'this is a bug in wispsync; rerun with --verbose for the stack trace and report it',
  );
  if (verbose && error instanceof Error && error.stack) printer.error(error.stack);
  return ExitCode.internal;
}
