import { ExitCode, exitCodeFor, processOutput, stderrPrinter, type ToolOutput } from '@wispsync/core';
import { runDoctor } from './doctor.js';
import { formatCheck, jsonReport, summaryLine } from './format.js';
import { buildProgram } from './options.js';

export type Output = ToolOutput;

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
    return exitCodeFor(error, stderrPrinter(out), verbose);
  }
}
