// The Date header of the reply (RFC 5322 section 3.3): "Sun, 29 Nov 2026 01:41:11 +0100".

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The date as seen at a UTC offset of `offsetMinutes` (east of UTC is positive, so the opposite
 * sign of Date.getTimezoneOffset()).
 */
export function formatMailDate(date: Date, offsetMinutes: number): string {
  const offset = Number.isFinite(offsetMinutes) ? Math.max(-1439, Math.min(1439, Math.trunc(offsetMinutes))) : 0;
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} `
    + `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}
