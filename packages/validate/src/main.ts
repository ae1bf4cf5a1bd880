import { ExitCode, exitCodeFor, processOutput, stderrPrinter, type ToolOutput } from '@wispsync/core';
import { validateFiles } from './check.js';
import { type FixResult, fixFiles } from './fix.js';
import { formatChange, formatFinding, jsonReport, verdict } from './format.js';
import { resolveInputs } from './inputs.js';
import { buildProgram, type ValidateOptions } from './options.js';

export type Output = ToolOutput;

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
    return exitCodeFor(error, stderrPrinter(out), verbose);
  }
}
