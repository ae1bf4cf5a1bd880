import type { ConfigData } from '../config/index.js';
import { WispError } from '../errors/index.js';

/** A key the tool cannot run without: empty → exit 2 naming `[section].key` and what to put there. */
export function requireSetting(config: ConfigData, section: string, key: string, what: string): string {
  const value = (config[section] as Record<string, unknown> | undefined)?.[key];
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    throw new WispError('config', `config: [${section}].${key} is empty — set it to ${what}`, {
      hint: `or set WISPSYNC_${section.toUpperCase()}_${key.toUpperCase()} in the environment`,
    });
  }
  return text;
}
