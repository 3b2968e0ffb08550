/**
 * Generates the rows of the sample "Sales" table: deterministic for a seed, sorted by date,
 * with skew (regions, products, repeat customers), seasonality, yearly growth and a few blank
 * channels so pivots show a "(blank)" item.
 */
import { CHANNELS, CUSTOMER_COUNT, MONTH_WEIGHTS, PRODUCTS, REGIONS, YEAR_WEIGHTS, type Category } from './catalogue';
import { dateOfSerial, excelSerial } from './excel-date';
import { mulberry32, randomInt, weightedPicker, type Random } from './prng';

export const SALES_COLUMNS = [
  'Date', 'Region', 'Country', 'Channel', 'Product', 'Category', 'Customer',
  'Units', 'Unit Price', 'Revenue', 'Cost',
] as const;

export interface SalesRow {
  /** Excel serial date. */
  date: number;
  region: string;
  country: string;
  /** "" for the few orders whose channel was not recorded. */
  channel: string;
  product: string;
  category: Category;
  customer: string;
  units: number;
  unitPrice: number;
  revenue: number;
  cost: number;
}

export interface SalesOptions {
  rows?: number;
  seed?: number;
}

export const FIRST_DATE = excelSerial(2023, 1, 1);
export const LAST_DATE = excelSerial(2025, 12, 31);
/** Share of orders with no channel recorded. */
const BLANK_CHANNEL_RATE = 0.005;

/** Largest order quantity per category: nobody buys twenty bikes at once. */
const MAX_UNITS: Record<Category, number> = { Bikes: 4, Components: 10, Accessories: 20, Clothing: 20 };

/**
 * Builds the sales rows.
 * @example
 * const rows = generateSalesRows({ rows: 100, seed: 7 });
 * rows[0].date <= rows[99].date; // true: sorted by date
 */
export function generateSalesRows(options: SalesOptions = {}): SalesRow[] {
  const count = options.rows ?? 20_000;
  const rand = mulberry32(options.seed ?? 20_240_101);
  const dates = sampleDates(rand, count);
  const countries = REGIONS.flatMap((region) => {
    const total = region.countries.reduce((s, c) => s + c.weight, 0);
    return region.countries.map((c) => ({ region: region.name, country: c.name, weight: (region.weight * c.weight) / total }));
  });
  const pickCountry = weightedPicker(countries.map((c) => c.weight));
  const customersByCountry = assignCustomers(countries.map((c) => c.weight));
  const pickChannel = weightedPicker(CHANNELS.map((c) => c.weight));
  const pickProduct = weightedPicker(PRODUCTS.map((p) => p.weight));
  const pickDiscount = weightedPicker([70, 18, 9, 3]);
  const discounts = [0, 0.05, 0.1, 0.15];

  const rows: SalesRow[] = [];
  for (const date of dates) {
    const ci = pickCountry(rand);
    const place = countries[ci];
    const pool = customersByCountry[ci];
    // Squaring skews toward the first customers of each country: a few loyal big buyers.
    const customerNumber = pool[Math.floor(rand() * rand() * pool.length)];
    const channel = rand() < BLANK_CHANNEL_RATE ? '' : CHANNELS[pickChannel(rand)].name;
    const product = PRODUCTS[pickProduct(rand)];
    const maxUnits = MAX_UNITS[product.category];
    // Small orders dominate: the product of two uniforms leans toward 1.
    const units = Math.max(1, Math.min(maxUnits, 1 + Math.floor(rand() * rand() * maxUnits)));
    const discount = discounts[pickDiscount(rand)] + (channel === 'Partner' ? 0.05 : 0);
    const priceCents = Math.round(product.listCents * (1 - discount));
    const revenueCents = units * priceCents;
    const costCents = Math.round(revenueCents * (0.6 + 0.2 * rand()));
    rows.push({
      date,
      region: place.region,
      country: place.country,
      channel,
      product: product.name,
      category: product.category,
      customer: `Customer ${String(customerNumber).padStart(4, '0')}`,
      units,
      unitPrice: priceCents / 100,
      revenue: revenueCents / 100,
      cost: costCents / 100,
    });
  }
  return rows;
}

/** `count` order dates between FIRST_DATE and LAST_DATE, weighted by season and growth, sorted. */
function sampleDates(rand: Random, count: number): number[] {
  const weights: number[] = [];
  for (let serial = FIRST_DATE; serial <= LAST_DATE; serial++) {
    const { year, month } = dateOfSerial(serial);
    // After 1900-03-01, serial % 7 is 0 on Saturdays and 1 on Sundays (Monday 2024-01-01 = 45292 leaves 2).
    const weekend = serial % 7 <= 1 ? 0.75 : 1;
    weights.push(MONTH_WEIGHTS[month - 1] * YEAR_WEIGHTS[year - 2023] * weekend);
  }
  const pick = weightedPicker(weights);
  const dates = Array.from({ length: count }, () => FIRST_DATE + pick(rand));
  return dates.sort((a, b) => a - b);
}

/** Spreads customers 1..CUSTOMER_COUNT over countries in proportion to their weights. */
function assignCustomers(countryWeights: number[]): number[][] {
  const rand = mulberry32(1500);
  const pick = weightedPicker(countryWeights);
  const pools: number[][] = countryWeights.map(() => []);
  for (let n = 1; n <= CUSTOMER_COUNT; n++) pools[pick(rand)].push(n);
  // A country could in theory draw no customer; give it one so every pool is usable.
  pools.forEach((pool) => { if (pool.length === 0) pool.push(randomInt(rand, 1, CUSTOMER_COUNT)); });
  return pools;
}
