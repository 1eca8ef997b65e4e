/**
 * Which PINs a worker may choose. The PIN is the only secret between a stolen laptop and the data,
 * so the rule refuses what attackers try first: short PINs, repeats, runs, repeated blocks,
 * keypad patterns and dates.
 */

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;

export type PinProblem = 'format' | 'trivial';

const FORMAT = new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`);

/** Keypad shapes and well-known picks from published PIN studies that the rules below do not catch. */
const COMMON = new Set(['147258', '258369', '369258', '159753', '357159', '789456', '456123', '741852', '852963', '963852', '147852', '520520', '112233', '123321', '147369']);

function sameStep(digits: number[]): boolean {
  const step = (digits[1]! - digits[0]! + 10) % 10;
  return digits.every((d, i) => i === 0 || (d - digits[i - 1]! + 10) % 10 === step);
}

/** 123123, 121212, 100100: the PIN is a shorter block written out two or more times. */
function repeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** 112233, 998877: pairs (or longer groups) of one digit that themselves run up or down. */
function groupedRun(pin: string): boolean {
  for (const size of [2, 3]) {
    if (pin.length % size !== 0) continue;
    const groups = Array.from({ length: pin.length / size }, (_, i) => pin.slice(i * size, (i + 1) * size));
    if (groups.every((g) => g === g[0]!.repeat(size)) && sameStep(groups.map((g) => Number(g[0])))) return true;
  }
  return false;
}

function isDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Birthdays and other dates: DDMMYY, YYMMDD, MMDDYY and the eight-digit forms with a year 1900–2099. */
function looksLikeDate(pin: string): boolean {
  const n = (from: number, to: number) => Number(pin.slice(from, to));
  if (pin.length === 6) return isDate(n(0, 2), n(2, 4)) || isDate(n(4, 6), n(2, 4)) || isDate(n(2, 4), n(0, 2));
  if (pin.length === 8) {
    const year = (y: number) => y >= 1900 && y <= 2099;
    return (
      (isDate(n(0, 2), n(2, 4)) && year(n(4, 8))) ||
      (year(n(0, 4)) && isDate(n(6, 8), n(4, 6))) ||
      (isDate(n(2, 4), n(0, 2)) && year(n(4, 8)))
    );
  }
  return false;
}

/** Null when the PIN may be used; otherwise why not. */
export function pinProblem(pin: string): PinProblem | null {
  if (!FORMAT.test(pin)) return 'format';
  const digits = [...pin].map(Number);
  if (sameStep(digits) || repeatedBlock(pin) || groupedRun(pin) || COMMON.has(pin) || looksLikeDate(pin)) return 'trivial';
  return null;
}
