import { cloneJson, jsonEqual } from './json-value';

describe('json values', () => {
  it('compares parsed JSON structurally, ignoring key order', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual({ toString: 1 }, { other: 1 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });

  it('deep-copies without sharing and keeps a "__proto__" key as data', () => {
    const source = JSON.parse('{"a":{"b":[1,{"c":2}]},"__proto__":{"polluted":true}}');
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    copy.a.b[1].c = 3;
    expect(source.a.b[1].c).toBe(2);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['a', '__proto__']);
  });
});
