/**
 * Records keyed by column names. A column may be called `__proto__`, `constructor` or
 * `toString`: on a plain `{}` writing `__proto__` replaces the prototype (the column vanishes) and
 * reading `constructor` finds Object's constructor (a "type" that is a function). So records
 * keyed by names start without a prototype, and records we did not make are read through their
 * own properties only.
 */

/**
 * An empty record with no prototype: every key, `__proto__` included, is an ordinary key.
 * @example const data = emptyRecord<number[]>(); data['__proto__'] = [1]; Object.keys(data) // ['__proto__']
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * `record[key]` when the record itself holds that key; never an inherited member.
 * @example ownValue({}, 'constructor') // undefined
 * @example ownValue({ Amount: 'number' }, 'Amount') // 'number'
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}
