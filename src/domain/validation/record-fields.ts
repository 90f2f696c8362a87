import { type Fields, Invalid, isObject, shown } from './parsed';

// Readers of one field of an untrusted record, for checks run by `parse`: each returns the field
// when it has the expected shape and throws `Invalid`, naming the field and its value, when not.

export function fieldsOf(value: unknown, what: string): Fields {
  if (!isObject(value)) throw new Invalid(`${what} is not an object`);
  return value;
}

export function numberField(
  fields: Fields,
  name: string,
  rule: 'finite' | 'non-negative' | 'count',
): number {
  const value = fields[name];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule === 'finite' || value >= 0) &&
    (rule !== 'count' || Number.isInteger(value));
  if (!ok) {
    const expected = {
      finite: 'a finite number',
      'non-negative': 'a number ≥ 0',
      count: 'a whole number ≥ 0',
    };
    throw new Invalid(`${name} is ${shown(value)}, not ${expected[rule]}`);
  }
  return value;
}

export function optionalNumberField(
  fields: Fields,
  name: string,
  rule: 'finite' | 'count',
): number | undefined {
  return fields[name] === undefined ? undefined : numberField(fields, name, rule);
}

export function textField(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') {
    throw new Invalid(`${name} is ${shown(value)}, not a text`);
  }
  return value;
}

export function oneOf<T extends string | number>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
): T {
  const value = fields[name];
  if (!allowed.includes(value as T)) {
    throw new Invalid(`${name} is ${shown(value)}, not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A whole number within `range`; absent (a record stored before the field existed) is `fallback`. */
export function countInRange(
  fields: Fields,
  name: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  const value = fields[name] === undefined ? fallback : numberField(fields, name, 'count');
  if (value < range.min || value > range.max) {
    throw new Invalid(`${name} ${value} is not ${range.min}-${range.max}`);
  }
  return value;
}
