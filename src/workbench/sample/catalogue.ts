/**
 * The fictional bicycle business behind the sample workbook: where it sells, through which
 * channels, and what. Weights give the data the skew real sales have (a big region, best-selling
 * products, a long tail) so pivots and extra measures (median, p90, distinct count) look real.
 */

export interface CountrySpec {
  name: string;
  /** Relative share of the region's orders. */
  weight: number;
}

export interface RegionSpec {
  name: string;
  weight: number;
  countries: CountrySpec[];
}

export const REGIONS: readonly RegionSpec[] = [
  { name: 'North', weight: 34, countries: [
    { name: 'Canada', weight: 5 }, { name: 'Norway', weight: 2 }, { name: 'Sweden', weight: 3 },
  ] },
  { name: 'South', weight: 21, countries: [
    { name: 'Brazil', weight: 5 }, { name: 'Argentina', weight: 3 }, { name: 'Chile', weight: 2 },
    { name: 'Mexico', weight: 4 },
  ] },
  { name: 'East', weight: 15, countries: [
    { name: 'Japan', weight: 3 }, { name: 'Australia', weight: 2 },
  ] },
  { name: 'West', weight: 30, countries: [
    { name: 'United States', weight: 7 }, { name: 'United Kingdom', weight: 3 },
    { name: 'France', weight: 2 }, { name: 'Germany', weight: 3 },
  ] },
];

export const CHANNELS: readonly { name: string; weight: number }[] = [
  { name: 'Online', weight: 46 },
  { name: 'Retail', weight: 35 },
  { name: 'Partner', weight: 19 },
];

export type Category = 'Bikes' | 'Accessories' | 'Clothing' | 'Components';

export interface ProductSpec {
  name: string;
  category: Category;
  /** List price in whole cents (written dollars_cents, e.g. 3_578_27 = $3,578.27) so revenue is exact. */
  listCents: number;
  /** Relative popularity. */
  weight: number;
}

export const PRODUCTS: readonly ProductSpec[] = [
  { name: 'Road-150', category: 'Bikes', listCents: 3_578_27, weight: 3 },
  { name: 'Road-550', category: 'Bikes', listCents: 1_120_49, weight: 7 },
  { name: 'Mountain-200', category: 'Bikes', listCents: 2_294_99, weight: 5 },
  { name: 'Mountain-500', category: 'Bikes', listCents: 539_99, weight: 8 },
  { name: 'Touring-1000', category: 'Bikes', listCents: 2_384_07, weight: 3 },
  { name: 'Touring-3000', category: 'Bikes', listCents: 742_35, weight: 5 },
  { name: 'Sport Helmet', category: 'Accessories', listCents: 34_99, weight: 14 },
  { name: 'Water Bottle', category: 'Accessories', listCents: 4_99, weight: 18 },
  { name: 'Cable Lock', category: 'Accessories', listCents: 25_00, weight: 8 },
  { name: 'Tire Tube', category: 'Accessories', listCents: 4_99, weight: 16 },
  { name: 'Mini Pump', category: 'Accessories', listCents: 19_99, weight: 7 },
  { name: 'Headlight', category: 'Accessories', listCents: 44_99, weight: 6 },
  { name: 'Long-Sleeve Jersey', category: 'Clothing', listCents: 49_99, weight: 8 },
  { name: 'Cycling Cap', category: 'Clothing', listCents: 8_99, weight: 9 },
  { name: 'Full-Finger Gloves', category: 'Clothing', listCents: 37_99, weight: 6 },
  { name: 'Bib Shorts', category: 'Clothing', listCents: 69_99, weight: 5 },
  { name: 'Racing Socks', category: 'Clothing', listCents: 8_99, weight: 9 },
  { name: 'Wind Vest', category: 'Clothing', listCents: 63_50, weight: 3 },
  { name: 'Chain', category: 'Components', listCents: 20_24, weight: 6 },
  { name: 'Brake Set', category: 'Components', listCents: 106_50, weight: 4 },
  { name: 'Pedal Set', category: 'Components', listCents: 80_99, weight: 5 },
  { name: 'Touring Saddle', category: 'Components', listCents: 39_99, weight: 4 },
  { name: 'Handlebars', category: 'Components', listCents: 120_27, weight: 3 },
  { name: 'Wheel Set', category: 'Components', listCents: 409_98, weight: 2 },
];

/**
 * Seasonality by month (January first): cycling peaks in spring and summer, with a December
 * gift bump.
 */
export const MONTH_WEIGHTS: readonly number[] = [0.7, 0.75, 0.95, 1.15, 1.3, 1.35, 1.3, 1.2, 1.0, 0.85, 0.8, 1.1];

/** Yearly growth of order volume (2023, 2024, 2025). */
export const YEAR_WEIGHTS: readonly number[] = [1.0, 1.12, 1.27];

export const CUSTOMER_COUNT = 1500;
