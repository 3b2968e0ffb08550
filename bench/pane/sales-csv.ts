/**
 * A deterministic sales CSV for the pane bench's "pull a big CSV" scenario: Date, Region,
 * Product, Customer, Units, Revenue. Names include non-ASCII text and a quoted comma, as real
 * exports do.
 * @example salesCsv(2, 1).split('\n')[0]; // "Date,Region,Product,Customer,Units,Revenue"
 */
export function salesCsv(rows: number, seed: number): string {
  const regions = ['North', 'South', 'East', 'West', 'Zürich'];
  const products = ['Road bike', 'Helmet', '"Lock, heavy"', 'Gloves', 'Pedals', 'Jersey'];
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  const parts: string[] = ['Date,Region,Product,Customer,Units,Revenue'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const units = 1 + Math.floor(next() * 9);
    const price = Math.round(next() * 50_000) / 100;
    parts.push(`2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${regions[Math.floor(next() * regions.length)]},${products[Math.floor(next() * products.length)]},C${Math.floor(next() * 20_000)},${units},${(units * price).toFixed(2)}`);
  }
  return parts.join('\n') + '\n';
}
