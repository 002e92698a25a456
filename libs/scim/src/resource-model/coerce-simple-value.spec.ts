import { attribute } from '../schema';
import { coerceSimpleValue } from './coerce-simple-value';
import { ScimValidationError } from './scim-validation-error';

const of = (type: Parameters<typeof attribute>[1]) => attribute('x', type, 'test attribute');

describe('coerceSimpleValue', () => {
  it.each([
    ['dateTime', '2026-11-23T09:00:00Z'],
    ['dateTime', '2026-11-23T09:00:00.123+01:00'],
    ['dateTime', '2026-11-23T09:00:00'],
    ['integer', 42],
    ['decimal', 4.2],
    ['boolean', true],
    ['binary', 'TUlJREhUQ0NBMw=='],
    ['reference', 'https://example.com/Users/1'],
    ['string', ' kept as sent '],
  ] as const)('keeps a valid %s as sent: %p', (type, value) => {
    expect(coerceSimpleValue(of(type), value, 'x')).toBe(value);
  });

  it.each([
    ['boolean', 'TRUE', true],
    ['boolean', 'False', false],
  ] as const)('reads the %s string %p', (type, raw, expected) => {
    expect(coerceSimpleValue(of(type), raw, 'x')).toBe(expected);
  });

  it.each(['string', 'boolean', 'dateTime', 'binary', 'reference'] as const)('treats "" as unassigned for %s', (type) => {
    expect(coerceSimpleValue(of(type), '', 'x')).toBeUndefined();
  });

  it.each([
    ['dateTime', '23/11/2026'],
    ['dateTime', '2026-13-45T09:00:00Z'],
    ['dateTime', 1700000000],
    ['integer', 4.5],
    ['integer', '42'],
    ['decimal', 'NaN'],
    ['boolean', 'yes'],
    ['boolean', 1],
    ['binary', 'not base64!'],
    ['string', 42],
    ['string', ['a']],
    ['string', 'a\u0000b'],
    ['reference', 'x\uD800'],
  ] as const)('rejects the %s value %p with invalidValue', (type, raw) => {
    expect(() => coerceSimpleValue(of(type), raw, 'x')).toThrow(ScimValidationError);
    expect(() => coerceSimpleValue(of(type), raw, 'x')).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});
