/**
 * The meaning of a reply sentence: its type word (`!re`, `!done`, `!trap`, `!fatal`, `!empty`
 * since RouterOS 7.18), its `.tag`, and its `=name=value` attribute words.
 */
import type { RouterRow } from './types.js';

export interface Reply {
  /** `!re`, `!done`, `!trap`, `!fatal`, `!empty`, or whatever a newer RouterOS invents. */
  type: string;
  tag: string | undefined;
  attributes: RouterRow;
  /** Words that are neither attributes nor the tag: `!fatal` carries its reason this way. */
  other: string[];
}

export function parseReply(words: readonly string[]): Reply {
  const [type = '', ...rest] = words;
  const attributes: RouterRow = {};
  const other: string[] = [];
  let tag: string | undefined;
  for (const word of rest) {
    if (word.startsWith('=')) {
      // `=name=value`: the value may itself contain `=`; the name never does.
      const split = word.indexOf('=', 1);
      if (split < 0) attributes[word.slice(1)] = '';
      else attributes[word.slice(1, split)] = word.slice(split + 1);
    } else if (word.startsWith('.tag=')) {
      tag = word.slice(5);
    } else {
      other.push(word);
    }
  }
  return { type, tag, attributes, other };
}

/** The words of `<menu>/print` with `.proplist` and `?name=value` equality queries (ANDed). */
export function printWords(
  menu: string,
  options: { proplist?: readonly string[]; where?: Readonly<Record<string, string>> } = {},
): string[] {
  const words = [`${menuPath(menu)}/print`];
  if (options.proplist && options.proplist.length > 0) words.push(`=.proplist=${options.proplist.join(',')}`);
  for (const [name, value] of Object.entries(options.where ?? {})) words.push(`?${name}=${value}`);
  return words;
}

/** `ppp/active`, `/ppp/active/` and `/ppp active` all become `/ppp/active`. */
export function menuPath(menu: string): string {
  const parts = menu
    .trim()
    .split(/[/\s]+/)
    .filter((part) => part !== '');
  return `/${parts.join('/')}`;
}
