import { ExitCode, isWispError } from '@wispsync/core';
import { CommanderError } from 'commander';
import { runDoctor } from './doctor.js';
import { formatCheck, jsonReport, summaryLine } from './format.js';
import { buildProgram } from './options.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The one place that prints and picks the exit code: the first failed check's, 0 when none failed. */
export async function main(
  argv: string[] = process.argv,
  out: Output = processOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let code: number = ExitCode.ok;
  let verbose = argv.includes('-v') || argv.includes('--verbose');
  const program = buildProgram(async (options) => {
    verbose = options.verbose;
    const report = await runDoctor({
      config: options.config,
      outputDir: options.outputDir,
      only: options.only,
      target: options.target,
      timeoutMs: options.timeout * 1000,
      env,
    });
    if (options.json) {
      out.stdout(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
    } else {
      const shown = report.checks.filter(
        (c) => !options.quiet || c.status === 'failed' || c.status === 'warning',
      );
      out.stdout(shown.map((c) => `${formatCheck(c)}\n`).join(''));
      out.stderr(`${summaryLine(report)}\n`);
    }
    code = report.exitCode;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (isWispError(error)) {
      out.stderr(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`error: internal error: ${message}\n`);
    out.stderr(
      verbose && error instanceof Error && error.stack
        ? `${error.stack}\n`
        : 'hint: this is a bug in wispsync; rerun with --verbose for the stack trace and report it\n',
    );
    return ExitCode.internal;
  }
}
