import { LIBREQOS_VERSIONS, type LibreQosVersion } from '@wispsync/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from './version.js';

export interface DoctorCliOptions {
  config?: string;
  outputDir?: string;
  only?: string[];
  target?: LibreQosVersion;
  timeout: number;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number of seconds');
  return n;
}

export function buildProgram(onRun: (options: DoctorCliOptions) => Promise<void>): Command {
  const program = new Command('wispsync-doctor')
    .description(
      'Check, before cron runs a tool, that it will work: config, each set-up source (one read-only request), the output directory, its lock, LibreQoS’s enable_* flags and the current files. Exit 0 when nothing failed.',
    )
    .version(VERSION, '-V, --version')
    .option('-c, --config <file>', 'lqos.conf to read (default: $LQOS_CONFIG, else /etc/lqos.conf)')
    .option('-o, --output-dir <dir>', 'the directory the tools write (default: lqos_directory)')
    .option(
      '--only <tools>',
      'check only these tools (comma-separated, e.g. splynx,uisp), even if not set up',
      (v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
    )
    .addOption(
      new Option(
        '--target <version>',
        'LibreQoS version for the current files (default: 2.2 on a 2.2 host, else 2.1)',
      ).choices([...LIBREQOS_VERSIONS]),
    )
    .option('--timeout <seconds>', 'longest wait for each source request', seconds, 15)
    .option('--json', 'print the report as JSON on stdout', false)
    .option('-q, --quiet', 'print only failed checks and warnings', false)
    .option('-v, --verbose', 'print stack traces of internal errors', false)
    .showHelpAfterError('(run with --help for usage)')
    .action(async (options: DoctorCliOptions) => onRun(options));
  program.exitOverride();
  return program;
}
