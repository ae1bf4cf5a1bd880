import { ExitCode } from '../errors/index.js';
import type { IntegrationDefinition } from './define.js';
import { exitCodeFor } from './failure.js';
import { buildProgram, type RunOptions } from './options.js';
import { createReporter, type Reporter } from './reporter.js';

/**
 * The one place that prints errors and sets the exit code. Everything below returns data or
 * throws a WispError; anything else is a bug (exit 1, stack trace with --verbose).
 */
export async function main(
  definition: IntegrationDefinition<unknown>,
  argv: string[] = process.argv,
): Promise<number> {
  let reporter: Reporter | undefined;
  let verbose = argv.includes('-v') || argv.includes('--verbose');
  const program = buildProgram(definition, async (options: RunOptions) => {
    verbose = options.verbose;
    reporter = createReporter({ quiet: options.quiet, verbose: options.verbose });
    const { runIntegration } = await import('./run.js');
    await runIntegration(definition, options, reporter, (text) => process.stdout.write(text));
  });
  try {
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    return exitCodeFor(error, reporter ?? createReporter({ quiet: false, verbose }), verbose);
  }
}

/** For a tool's bin file: run and exit with the code. */
export async function runMain(definition: IntegrationDefinition<unknown>): Promise<void> {
  await exitWith(main(definition));
}

/**
 * The one process exit of every command (integrations, shaping-validate, doctor): waits for the
 * command's exit code, then flushes stdout first — --json output can be megabytes on a pipe.
 */
export async function exitWith(code: Promise<number>): Promise<void> {
  const value = await code;
  process.stdout.write('', () => process.exit(value));
}
