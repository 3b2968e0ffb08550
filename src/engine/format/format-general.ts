/**
 * Excel's General format, approximately: up to 11 characters, then fewer decimals or scientific.
 * @example formatGeneral(2 / 3) // '0.666666667'
 * @example formatGeneral(123456789012) // '1.23457E+11'
 */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) return scientific(value, 5, true);
  const digits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const rounded = Number(value.toFixed(Math.max(0, Math.min(9, 10 - digits))));
  // JavaScript writes 1e-7 below 1e-6; Excel's General writes 1E-07.
  const text = String(rounded);
  return text.includes('e') ? scientific(rounded, 5, true) : text;
}

/**
 * Scientific notation as Excel writes it; `trim` drops trailing zeros of the mantissa as General does.
 * @example scientific(12345, 2, false) // '1.23E+04'
 */
export function scientific(value: number, decimals: number, trim: boolean): string {
  const [m, e] = value.toExponential(decimals).split('e');
  const mantissa = trim ? m.replace(/\.?0+$/, '') : m;
  return `${mantissa}E${Number(e) < 0 ? '-' : '+'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
}

