// Money is exact: wei are BigInt, ether amounts are decimal strings; never a floating-point number.

const WEI_PER_ETHER = 10n ** 18n;

/** "1.5" for 1500000000000000000 (up to 18 fraction digits, trailing zeros dropped). */
export function ether(wei) {
  if (wei === null || wei === undefined) return '';
  const value = BigInt(wei);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const fraction = (abs % WEI_PER_ETHER).toString().padStart(18, '0').replace(/0+$/, '');
  return `${sign}${abs / WEI_PER_ETHER}${fraction ? `.${fraction}` : ''}`;
}

/** Wei (a string of digits) for a decimal of ether typed by a person; throws on anything else. */
export function toWei(decimal) {
  const text = String(decimal ?? '').trim();
  const match = /^(\d{1,60})(?:\.(\d{1,18}))?$/.exec(text);
  if (!match) throw new Error('Enter an amount like 0.25 (at most 18 decimals)');
  return (BigInt(match[1]) * WEI_PER_ETHER + BigInt((match[2] ?? '').padEnd(18, '0'))).toString();
}

export function shortAddress(address) {
  return typeof address === 'string' && address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : String(address ?? '');
}

/** "2d 03:04:05", "04:05" */
export function countdown(milliseconds) {
  if (milliseconds <= 0) return 'ended';
  const total = Math.floor(milliseconds / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const two = (n) => String(n).padStart(2, '0');
  const clock = `${hours || days ? `${two(hours)}:` : ''}${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days ? `${days}d ${clock}` : clock;
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}
