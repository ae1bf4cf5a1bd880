import { Command, Option } from 'commander';
import type { Strategy } from '../config/index.js';
import type { IntegrationDefinition } from './define.js';

export interface RunOptions {
  config?: string;
  outputDir?: string;
  strategy?: Strategy;
  json: boolean;
  dryRun: boolean;
  force: boolean;
  csvLayout: 'legacy' | 'v2.2';
  saveResponses?: string;
  fromResponses?: string;
  quiet: boolean;
  verbose: boolean;
}

/** The command line every tool shares (DESIGN "Command-line contract"). */
export function buildProgram(
  definition: IntegrationDefinition<unknown>,
  onRun: (options: RunOptions) => Promise<void>,
): Command {
  const program = new Command(`${definition.name}-integration`)
    .description(definition.description)
    .version(definition.version, '-V, --version')
    .option('-c, --config <file>', 'lqos.conf to read (default: $LQOS_CONFIG, else /etc/lqos.conf)')
    .option(
      '-o, --output-dir <dir>',
      'where network.json and ShapedDevices.csv go (default: lqos_directory)',
    );
  if (definition.strategy) {
    const [section, key] = definition.strategy.configKey;
    program.addOption(
      new Option('--strategy <name>', `topology strategy (default: [${section}].${key})`).choices([
        ...definition.strategy.allowed,
      ]),
    );
  }
  program
    .option('--json', 'print the shaping plan as JSON on stdout; write no files', false)
    .option('--dry-run', 'print what would change against the current files; write nothing', false)
    .option('--force', 'write even when the new plan has far fewer circuits than the current file', false)
    .addOption(
      new Option(
        '--csv-layout <layout>',
        'ShapedDevices.csv columns: legacy (13, +sqm when used) or v2.2 (16)',
      )
        .choices(['legacy', 'v2.2'])
        .default('legacy'),
    )
    .option('--save-responses <dir>', 'also save the raw API responses into <dir>')
    .option(
      '--from-responses <dir>',
      'replay API responses saved with --save-responses instead of calling the API',
    )
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('-v, --verbose', 'print requests, timings, every warning and stack traces', false)
    .showHelpAfterError('(run with --help for usage)')
    .action(async (options: RunOptions) => onRun(options));
  program.exitOverride();
  return program;
}
