import type { Writable } from 'node:stream';

export interface ReporterOptions {
  quiet: boolean;
  verbose: boolean;
  stream?: Writable & { isTTY?: boolean };
  /** Values that must never be printed (tokens, keys, passwords). */
  secrets?: string[];
  /** How many warnings are printed one by one before the rest are counted (unless verbose). */
  warningLimit?: number;
}

export interface Reporter {
  info(message: string): void;
  debug(message: string): void;
  warn(message: string): void;
  error(message: string, hint?: string, details?: string[]): void;
  /** A spinner line on a TTY; a plain info line otherwise. */
  step(message: string): Promise<void>;
  stopStep(): void;
  /** The final one-line summary (always printed, even with --quiet, unless it is an error run). */
  summary(message: string): void;
  addSecret(value: string | undefined): void;
  readonly warnings: string[];
}

type Spinner = { start(): Spinner; stop(): Spinner; text: string };

/**
 * Everything for humans goes to stderr through here; stdout carries data only. The reporter also
 * redacts every registered secret from what it prints, as a last line of defence.
 */
export function createReporter(options: ReporterOptions): Reporter {
  const stream = options.stream ?? process.stderr;
  const secrets = new Set<string>((options.secrets ?? []).filter((s) => s.length >= 4));
  const limit = options.warningLimit ?? 25;
  const warnings: string[] = [];
  const useSpinner = Boolean(stream.isTTY) && !options.quiet && !process.env.CI;
  let spinner: Spinner | undefined;
  let colors: { yellow(s: string): string; red(s: string): string; dim(s: string): string } | undefined;

  const redact = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('***');
    return out;
  };
  const write = (line: string): void => {
    const wasSpinning = spinner !== undefined;
    spinner?.stop();
    stream.write(`${redact(line)}\n`);
    if (wasSpinning) spinner?.start();
  };
  const paint = colors ?? { yellow: (s: string) => s, red: (s: string) => s, dim: (s: string) => s };

  return {
    warnings,
    info(message) {
      if (!options.quiet) write(message);
    },
    debug(message) {
      if (options.verbose) write(paint.dim(message));
    },
    warn(message) {
      warnings.push(redact(message));
      if (options.quiet) return;
      if (options.verbose || warnings.length <= limit) write(paint.yellow(`warning: ${message}`));
    },
    error(message, hint, details = []) {
      spinner?.stop();
      spinner = undefined;
      write(paint.red(`error: ${message}`));
      for (const line of details) write(`  ${line}`);
      if (hint) write(`hint: ${hint}`);
    },
    async step(message) {
      if (!useSpinner) {
        if (options.verbose) write(message);
        return;
      }
      if (!spinner) {
        const [{ default: ora }, { default: chalk }] = await Promise.all([import('ora'), import('chalk')]);
        colors = { yellow: chalk.yellow, red: chalk.red, dim: chalk.dim };
        Object.assign(paint, colors);
        spinner = ora({ stream, text: message }).start() as unknown as Spinner;
      } else {
        spinner.text = message;
      }
    },
    stopStep() {
      spinner?.stop();
      spinner = undefined;
    },
    summary(message) {
      const hidden = warnings.length - limit;
      if (!options.quiet && !options.verbose && hidden > 0) {
        write(paint.yellow(`warning: … and ${hidden} more warnings (--verbose prints them all)`));
      }
      spinner?.stop();
      spinner = undefined;
      if (!options.quiet) write(message);
    },
    addSecret(value) {
      if (value && value.length >= 4) secrets.add(value);
    },
  };
}
