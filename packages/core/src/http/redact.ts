/** Keeps credentials out of every message, hint and recorded file name (like pnpm's FetchError). */

export const MASK = '***';

// Compared after lower-casing and dropping `_`/`-`, so `api_key`, `apiKey` and `API-KEY` all match.
const SENSITIVE_PARAMS = new Set([
  'key',
  'apikey',
  'token',
  'apitoken',
  'accesstoken',
  'authtoken',
  'secret',
  'apisecret',
  'clientsecret',
  'password',
  'passwd',
  'auth',
  'authorization',
]);

/** Shorter secrets are not masked: replacing a 1–3 character string everywhere would garble messages. */
const MIN_SECRET_LENGTH = 4;

export function isSensitiveParam(name: string): boolean {
  return SENSITIVE_PARAMS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

export class Redactor {
  private readonly secrets: readonly string[];
  private readonly needles: readonly string[];

  constructor(secrets: Iterable<string> = []) {
    this.secrets = [...secrets];
    const needles = new Set<string>();
    for (const secret of this.secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      // A secret can show up raw, percent-encoded in a path, or form-encoded in a query.
      needles.add(secret);
      needles.add(encodeURIComponent(secret));
      needles.add(new URLSearchParams({ s: secret }).toString().slice(2));
    }
    // Longest first, so a secret containing another is masked whole.
    this.needles = [...needles].sort((a, b) => b.length - a.length);
  }

  /** A redactor that also masks `extra` (per-request header values, for instance). */
  with(extra: Iterable<string>): Redactor {
    return new Redactor([...this.secrets, ...extra]);
  }

  text(value: string): string {
    let out = value;
    for (const needle of this.needles) {
      if (out.includes(needle)) out = out.replaceAll(needle, MASK);
    }
    return out;
  }

  /** The URL without userinfo, with sensitive query values masked, then every known secret masked. */
  url(value: URL | string): string {
    let url: URL;
    try {
      url = new URL(typeof value === 'string' ? value : value.href);
    } catch {
      return this.text(String(value));
    }
    url.username = '';
    url.password = '';
    // Only rewrite the query when needed: re-serialising changes the encoding of untouched params.
    const sensitive = [...url.searchParams.keys()].filter(isSensitiveParam);
    for (const name of new Set(sensitive)) url.searchParams.set(name, MASK);
    return this.text(url.href);
  }

  /** A form body with sensitive fields and known secrets masked (used to key recorded POSTs). */
  form(form: Record<string, string>): string {
    const masked = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) {
      masked.append(name, isSensitiveParam(name) ? MASK : value);
    }
    return this.text(masked.toString());
  }
}
