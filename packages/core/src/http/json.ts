/** JSON bodies are parsed here, not by got, so a bad body gets a message that says what it looked like. */
import { bodyError, bodyPreview, type RequestContext } from './errors.js';

const PARSE_DETAIL_MAX = 120;

export function parseJsonBody(ctx: RequestContext, status: number, body: string): unknown {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = text.trimStart();
  if (start === '') {
    return fail(ctx, status, `response is empty (HTTP ${status})`, 'check that the URL points at the API');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Something that starts like JSON but does not parse was most likely cut off in transit.
    if (/^[[{"]/.test(start)) {
      const detail = bodyPreview(error instanceof Error ? error.message : String(error), ctx.redactor);
      const short = detail.length > PARSE_DETAIL_MAX ? `${detail.slice(0, PARSE_DETAIL_MAX)}…` : detail;
      return fail(
        ctx,
        status,
        `response is truncated or malformed JSON (${short})`,
        `try again; if it persists, save the response with --save-responses and check it`,
      );
    }
    // The first line is usually enough to recognise it: `<!DOCTYPE html>`, `Bad Gateway`, …
    const head = bodyPreview(start.split('\n', 1)[0] ?? '', ctx.redactor, 40);
    return fail(
      ctx,
      status,
      `response is not JSON (it starts with "${head}")`,
      ctx.urlHint ?? `check that the ${ctx.source} URL points at its API, not a web page or login form`,
    );
  }
}

function fail(ctx: RequestContext, status: number, what: string, hint: string): never {
  throw bodyError(ctx, status, what, hint);
}
