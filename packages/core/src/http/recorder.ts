/**
 * --save-responses / --from-responses: one JSON file per request, named from the method, path and
 * query (and a hash of a POST body), so a replay finds it without any network. Names and stored URLs
 * are built from redacted text; headers are never stored.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WispError } from '../errors/index.js';
import { HttpError } from './errors.js';
import type { RawResponse } from './types.js';

export interface RecordedResponse {
  method: string;
  /** Redacted. */
  url: string;
  status: number;
  body: string;
}

export interface RecordKey {
  /** File name inside the directory. */
  file: string;
  /** `GET /path?query`, for messages. */
  label: string;
}

const MAX_SLUG = 100;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/**
 * The host is left out on purpose: a mock server on a random port, or a changed base URL, still finds
 * the same recording. `redactedBody` keys POSTs (pages of a GraphQL query differ only in the body).
 */
export function recordKey(method: string, redactedUrl: string, redactedBody?: string): RecordKey {
  let target = redactedUrl;
  try {
    const url = new URL(redactedUrl);
    target = `${url.pathname}${url.search}`;
  } catch {
    // Not a URL: key on the text as given.
  }
  const label = `${method} ${target}`;
  // `/a/b?page=2` → `a_b_page-2`: readable in a directory listing.
  let slug =
    target
      .replaceAll('=', '-')
      .replace(/[^A-Za-z0-9.-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'root';
  if (slug.length > MAX_SLUG) slug = `${slug.slice(0, MAX_SLUG)}_${shortHash(target)}`;
  const bodyPart = redactedBody === undefined ? '' : `_${shortHash(redactedBody)}`;
  return { file: `${method.toLowerCase()}_${slug}${bodyPart}.json`, label };
}

export async function saveResponse(
  dir: string,
  key: RecordKey,
  record: RecordedResponse,
  source: string,
): Promise<void> {
  const path = join(dir, key.file);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new WispError(
      'output',
      `${source}: cannot save the response for ${key.label} to ${path} (${code})`,
      {
        hint: 'check that the --save-responses directory is writable',
      },
    );
  }
}

export async function loadResponse(dir: string, key: RecordKey, source: string): Promise<RawResponse> {
  const path = join(dir, key.file);
  const [method = '', url = ''] = key.label.split(' ', 2);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const what =
      code === 'ENOENT'
        ? `no recorded response for ${key.label} in ${dir}`
        : `cannot read the recorded response ${path} (${code ?? String(error)})`;
    throw new HttpError(`${source}: ${what}`, {
      reason: 'replay',
      method,
      url,
      hint: 'record one with --save-responses',
    });
  }
  let parsed: Partial<RecordedResponse>;
  try {
    parsed = JSON.parse(text) as Partial<RecordedResponse>;
  } catch {
    parsed = {};
  }
  if (typeof parsed.status !== 'number' || typeof parsed.body !== 'string') {
    throw new HttpError(
      `${source}: recorded response ${path} is not a saved response (needs status and body)`,
      {
        reason: 'replay',
        method,
        url,
        hint: 'record it again with --save-responses',
      },
    );
  }
  return { status: parsed.status, body: parsed.body };
}
