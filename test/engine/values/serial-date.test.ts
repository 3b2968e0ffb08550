import { describe, expect, it } from 'vitest';
import {
  MAX_SERIAL,
  dateToSerial,
  partsToSerial,
  serialDay,
  serialIsoWeek,
  serialMonth,
  serialQuarter,
  serialToDate,
  serialToParts,
  serialWeekday,
  serialYear,
} from '../../../src/engine/values';

const ymd = (s: number) => {
  const p = serialToParts(s);
  return p && [p.year, p.month, p.day];
};

describe('serial dates (1900 system)', () => {
  it('maps the well-known serials', () => {
    // 2024-01-01 is 19723 days after 1970-01-01, and 1970-01-01 is serial 25569.
    expect(ymd(45292)).toEqual([2024, 1, 1]);
    expect(ymd(25569)).toEqual([1970, 1, 1]);
    expect(ymd(1)).toEqual([1900, 1, 1]);
    expect(ymd(59)).toEqual([1900, 2, 28]);
    expect(ymd(60)).toEqual([1900, 2, 29]); // Excel's fictitious leap day
    expect(ymd(61)).toEqual([1900, 3, 1]);
    expect(ymd(0)).toEqual([1900, 1, 0]);
    expect(ymd(MAX_SERIAL)).toEqual([9999, 12, 31]);
    expect(serialToParts(MAX_SERIAL + 1)).toBeNull();
    expect(serialToParts(-1)).toBeNull();
    expect(serialToParts(NaN)).toBeNull();
  });

  it('round-trips parts and serials on both sides of the leap bug', () => {
    expect(partsToSerial(1900, 1, 1)).toBe(1);
    expect(partsToSerial(1900, 2, 28)).toBe(59);
    expect(partsToSerial(1900, 2, 29)).toBe(60);
    expect(partsToSerial(1900, 3, 1)).toBe(61);
    expect(partsToSerial(2024, 2, 29)).toBe(45351);
    for (const s of [1, 2, 31, 59, 60, 61, 1000, 36526, 45292, 45351, MAX_SERIAL]) {
      const p = serialToParts(s)!;
      expect(partsToSerial(p.year, p.month, p.day)).toBe(s);
    }
  });

  it('reads the time of day from the fraction', () => {
    const p = serialToParts(45292.75)!;
    expect([p.hours, p.minutes, p.seconds]).toEqual([18, 0, 0]);
    // 1/86400 of a day is one second; 0.999999999 rounds up to the next midnight.
    expect(serialToParts(45292 + 1 / 86400)!.seconds).toBe(1);
    expect(ymd(45292.999999999)).toEqual([2024, 1, 2]);
    expect(partsToSerial(2024, 1, 1, 12)).toBe(45292.5);
  });

  it('converts to and from Dates through UTC fields, independent of the time zone', () => {
    expect(serialToDate(45292.5)!.toISOString()).toBe('2024-01-01T12:00:00.000Z');
    expect(dateToSerial(new Date('2024-01-01T12:00:00Z'))).toBe(45292.5);
    expect(serialToDate(60)!.toISOString()).toBe('1900-03-01T00:00:00.000Z');
  });
});

describe('date parts', () => {
  it('YEAR, MONTH, DAY, quarter', () => {
    const s = partsToSerial(2023, 11, 17);
    expect([serialYear(s), serialMonth(s), serialDay(s), serialQuarter(s)]).toEqual([2023, 11, 17, 4]);
    expect(serialQuarter(partsToSerial(2024, 3, 31))).toBe(1);
    expect(serialQuarter(partsToSerial(2024, 4, 1))).toBe(2);
    expect(serialYear(-5)).toBeNull();
  });

  it('WEEKDAY follows Excel (1900-01-01 is a Sunday in Excel)', () => {
    expect(serialWeekday(45292)).toBe(2); // Monday 2024-01-01
    expect(serialWeekday(45292, 2)).toBe(1);
    expect(serialWeekday(45292, 3)).toBe(0);
    expect(serialWeekday(45298)).toBe(1); // Sunday 2024-01-07
    expect(serialWeekday(45298, 2)).toBe(7);
    expect(serialWeekday(1)).toBe(1);
    expect(serialWeekday(60)).toBe(4); // the fictitious Wednesday
    expect(serialWeekday(61)).toBe(5); // 1900-03-01 was really a Thursday
    expect(serialWeekday(0)).toBe(7);
  });

  it('ISOWEEKNUM', () => {
    expect(serialIsoWeek(45292)).toBe(1); // Mon 2024-01-01
    expect(serialIsoWeek(partsToSerial(2021, 1, 3))).toBe(53); // Sunday, still 2020's week 53
    expect(serialIsoWeek(partsToSerial(2021, 1, 4))).toBe(1);
    expect(serialIsoWeek(partsToSerial(2020, 12, 31))).toBe(53);
    expect(serialIsoWeek(partsToSerial(2024, 12, 30))).toBe(1); // Monday of 2025's week 1
    expect(serialIsoWeek(partsToSerial(2010, 1, 3))).toBe(53);
    expect(serialIsoWeek(partsToSerial(2026, 1, 1))).toBe(1); // a Thursday
    expect(serialIsoWeek(partsToSerial(2023, 6, 15))).toBe(24);
    expect(serialIsoWeek(1)).toBe(52); // Excel: ISOWEEKNUM(1) = 52
  });
});
