const CANONICAL = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const COLONS_OR_DASHES = /^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i;
const CISCO_DOTS = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;
const BARE = /^[0-9a-f]{12}$/i;

/**
 * `aa:bb:cc:dd:ee:ff` for any usual MAC spelling; anything else comes back trimmed but otherwise
 * untouched, because LibreQoS does not validate the column and v2.2 may hold a RADIUS username.
 */
export function normalizeMac(raw: string): string {
  // Already canonical (most sources send it so): no work, no garbage. Runs once per device.
  if (CANONICAL.test(raw)) return raw;
  const text = raw.trim();
  if (!COLONS_OR_DASHES.test(text) && !CISCO_DOTS.test(text) && !BARE.test(text)) return text;
  const hex = text.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.match(/../g)!.join(':');
}
