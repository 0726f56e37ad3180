/**
 * Masks personal data before it reaches a log line (Decree 13/2023; DESIGN §4.3): ID numbers,
 * phone numbers and names. Keys known to hold personal data are masked whole; in any other string,
 * runs of 9–12 digits (CMND/CCCD/phones) keep only their last 3 digits.
 */
const PERSONAL_KEYS = new Set([
  'fullname', 'full_name', 'name_of_person', 'password', 'newpassword', 'cccd', 'cmnd', 'idnumber', 'id_number',
  'old_id_number', 'phone', 'msisdn', 'mobile', 'email', 'dateofbirth', 'date_of_birth', 'dob', 'token',
  'authorization', 'cookie', 'set-cookie',
]);

// Bounded by non-alphanumerics so hex request ids and codes like 1.001193 are left alone.
const DIGIT_RUN = /(?<![0-9A-Za-z])(\+?84|0)?[0-9]{6,9}([0-9]{3})(?![0-9A-Za-z])/g;

export function maskText(s: string): string {
  if (typeof s !== 'string') return s;
  return s.replace(DIGIT_RUN, (_m, _p, last: string) => `***${last}`);
}

/** Masks a whole value: keeps the first letter of each word of a name, or the last 3 chars of an id. */
export function maskValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  const s = String(v);
  if (/^[+0-9 .-]+$/.test(s)) return s.length > 3 ? `***${s.slice(-3)}` : '***';
  return s
    .split(/\s+/)
    .map((w) => (w ? `${w[0]}.` : w))
    .join(' ');
}

/** Deep copy of a log object with personal data masked. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  // Only plain objects: requests, replies and errors keep their prototypes for pino's serializers.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = PERSONAL_KEYS.has(k.toLowerCase()) ? maskValue(v) : maskDeep(v, depth + 1);
    }
    return out;
  }
  return value;
}
