import { LIBREQOS_VERSIONS, type LibreQosVersion } from '@wispsync/core';
import { Command, Option } from 'commander';
import { VERSION } from './version.js';

export interface ValidateOptions {
  dir?: string;
  shapedDevices?: string;
  network?: string;
  config?: string;
  target: LibreQosVersion;
  fix?: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

export function buildProgram(onRun: (options: ValidateOptions) => Promise<void>): Command {
  const program = new Command('shaping-validate')
    .description(
      "Check ShapedDevices.csv and network.json against one LibreQoS version's rules: one line per problem, exit 0 when LibreQoS would load the files, 4 when it would reject them.",
    )
    .version(VERSION, '-V, --version')
    .option(
      '--dir <dir>',
      'directory holding ShapedDevices.csv and network.json (default: lqos_directory of the config, else /opt/libreqos/src)',
    )
    .option('--shaped-devices <file>', 'a ShapedDevices.csv to check (alone, or instead of the one in --dir)')
    .option('--network <file>', 'a network.json to check (alone, or instead of the one in --dir)')
    .option(
      '-c, --config <file>',
      'lqos.conf whose lqos_directory is the default --dir (default: $LQOS_CONFIG, else /etc/lqos.conf)',
    )
    .addOption(
      new Option('--target <version>', 'the LibreQoS version whose rules apply')
        .choices([...LIBREQOS_VERSIONS])
        .default('2.2'),
    )
    .option(
      '--fix <dir>',
      'write a corrected copy of the files into <dir> (never over the originals) and list each change',
    )
    .option('--json', 'print the report as JSON on stdout', false)
    .option('-q, --quiet', 'print errors only (no warnings, no summary)', false)
    .option('-v, --verbose', 'print stack traces of internal errors', false)
    .showHelpAfterError('(run with --help for usage)')
    .action(async (options: ValidateOptions) => onRun(options));
  program.exitOverride();
  return program;
}
