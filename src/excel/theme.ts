/**
 * Light/dark decision from an Office theme colour. Pure so it can be tested without Office.
 */

/**
 * Relative luminance (WCAG) of "#RRGGBB" or "#RGB", 0 (black) to 1 (white); undefined when the
 * text is not a hex colour.
 *
 * @example luminance('#FFFFFF') // 1
 */
export function luminance(hex: string | undefined): number | undefined {
  if (!hex) return undefined;
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return undefined;
  const channel = (i: number): number => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * True when a body background colour is dark: Office's Black and Dark Gray themes
 * (#262626, #666666 ... ) but not Colorful/White (#FFFFFF, #E6E6E6 ...).
 *
 * @example isDarkBackground('#262626') // true
 */
export function isDarkBackground(hex: string | undefined): boolean {
  const l = luminance(hex);
  // 0.18 is where white text starts to contrast better than black (WCAG midpoint ≈ 0.179).
  return l !== undefined && l < 0.18;
}
