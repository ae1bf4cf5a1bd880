import { ExitCode, isWispError } from '@wispsync/core';
import { CommanderError } from 'commander';
import { validateFiles } from './check.js';
import { type FixResult, fixFiles } from './fix.js';
import { formatChange, formatFinding, jsonReport, verdict } from './format.js';
import { resolveInputs } from './inputs.js';
import { buildProgram, type ValidateOptions } from './options.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** One run: read, check, print; with --fix also write and re-check the copy. Returns the exit code. */
async function run(options: ValidateOptions, out: Output): Promise<number> {
  const started = performance.now();
  const inputs = await resolveInputs(options);
  const result = validateFiles({ ...inputs, target: options.target });
  const fixed: FixResult | undefined =
    options.fix === undefined ? undefined : await fixFiles(result, options.fix);
  const seconds = `${((performance.now() - started) / 1000).toFixed(2)} s`;
  if (options.json) {
    const report = jsonReport(result);
    if (fixed) {
      report.fix = {
        dir: fixed.dir,
        written: fixed.written,
        changes: fixed.changes,
        ok: fixed.result.errors === 0,
        errors: fixed.result.errors,
        warnings: fixed.result.warnings,
        problems: fixed.result.findings,
      };
    }
    out.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = result.findings
      .filter((f) => !options.quiet || f.severity === 'error')
      .map((f) => `${formatFinding(f)}\n`);
    out.stdout(lines.join(''));
    if (fixed) {
      out.stdout(fixed.changes.map((c) => `${formatChange(c)}\n`).join(''));
      const still = fixed.result.findings.filter((f) => !options.quiet || f.severity === 'error');
      out.stdout(still.map((f) => `fixed copy: ${formatFinding(f)}\n`).join(''));
    }
    if (!options.quiet) {
      out.stderr(`shaping-validate: ${verdict(result)} · ${seconds}\n`);
      if (fixed) {
        out.stderr(
          `shaping-validate: fixed copy in ${fixed.dir} (${fixed.changes.length} change${fixed.changes.length === 1 ? '' : 's'}): ${verdict(fixed.result, 'it')}\n`,
        );
      }
    }
  }
  const errors = fixed ? fixed.result.errors : result.errors;
  return errors > 0 ? ExitCode.validation : ExitCode.ok;
}

/** The one place that prints errors and picks the exit code. */
export async function main(argv: string[] = process.argv, out: Output = processOutput): Promise<number> {
  let code: number = ExitCode.ok;
  let verbose = argv.includes('-v') || argv.includes('--verbose');
  const program = buildProgram(async (options) => {
    verbose = options.verbose;
    code = await run(options, out);
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
