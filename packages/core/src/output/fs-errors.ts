import { WispError } from '../errors/index.js';

/** `EACCES: permission denied, open '/x'` → `permission denied (EACCES)`; the path is named by the caller. */
export function describeFsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error.message;
  const prefix = `${code}: `;
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const comma = text.indexOf(', ');
  return `${comma === -1 ? text : text.slice(0, comma)} (${code})`;
}

function hintFor(code: string | undefined, dir: string, path: string): string | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `run wispsync as a user that may read and write ${dir} (LibreQoS's directory usually belongs to root)`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `free some space on the filesystem that holds ${dir}`;
    case 'EROFS':
      return `${dir} is on a read-only filesystem: remount it read-write or choose another --output-dir`;
    case 'ENOENT':
      return `create ${dir} or point --output-dir (lqos_directory) at an existing directory`;
    case 'EISDIR':
      return `${path} is a directory: move it out of the way`;
    default:
      return undefined;
  }
}

/** The one shape of every write failure: the path, the OS reason, and a fix when we know one. */
export function outputError(
  dir: string,
  path: string,
  error: unknown,
  verb: 'read' | 'write' = 'write',
): WispError {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const hint = hintFor(code, dir, path);
  return new WispError('output', `could not ${verb} ${path}: ${describeFsError(error)}`, {
    cause: error,
    ...(hint === undefined ? {} : { hint }),
  });
}
