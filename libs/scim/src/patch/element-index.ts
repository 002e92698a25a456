import { AttributeDefinition } from '../schema';
import { findAttribute } from '../resource-model/attribute-ref';
import { isJsonObject, jsonKey } from '../resource-model/json-value';

/** The elements of one `value` (compared as sameElement does), split by whether they carry a `type`. */
interface Bucket {
  /** Every index in the bucket, ascending; the first is what a value without `type` matches. */
  members: number[];
  /** Indices of elements without a string `type`, ascending; `next` skips those that gained one. */
  untyped: number[];
  next: number;
  /** Lowest index per lower-cased `type`. */
  typed: Map<string, number>;
}

/**
 * Finds, among many elements of a multi-valued attribute, the first one that is "the same value"
 * as sameElement defines it (multi-valued-elements.ts) in constant time, so adding or removing n
 * values on a list of m costs n + m instead of n·m: a 20,000-value PATCH must not hold the event
 * loop for seconds. Elements hash by their `value` (lower-cased unless caseExact) or, without one,
 * by their whole JSON; within a value, a `type` given on both sides must agree.
 */
export class ElementIndex {
  private readonly valueSub: AttributeDefinition | undefined;
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly attribute: AttributeDefinition,
    readonly elements: unknown[],
  ) {
    this.valueSub = findAttribute(attribute.subAttributes, 'value');
    elements.forEach((element, index) => this.insert(element, index));
  }

  /** Index of the first element that is the same value as `value`, or -1. */
  find(value: unknown): number {
    const bucket = this.buckets.get(this.keyOf(value));
    if (!bucket) return -1;
    const type = typeOf(value);
    if (type === undefined) return bucket.members[0];
    const untyped = bucket.next < bucket.untyped.length ? bucket.untyped[bucket.next] : Infinity;
    const typed = bucket.typed.get(type) ?? Infinity;
    const index = Math.min(untyped, typed);
    return index === Infinity ? -1 : index;
  }

  /** Appends an element that matched nothing. */
  push(element: unknown): void {
    this.elements.push(element);
    this.insert(element, this.elements.length - 1);
  }

  /** Replaces the element at `index` (a merge: same value, possibly with a `type` it lacked before). */
  replace(index: number, element: unknown): void {
    const key = this.keyOf(element);
    const bucket = this.buckets.get(key)!;
    const [before, after] = [typeOf(this.elements[index]), typeOf(element)];
    this.elements[index] = element;
    if (before === after) return;
    // The usual change: the first untyped element of the bucket, merged with a typed value, gains a type.
    if (before === undefined && after !== undefined && bucket.untyped[bucket.next] === index) {
      bucket.next += 1;
      bucket.typed.set(after, Math.min(index, bucket.typed.get(after) ?? Infinity));
      return;
    }
    this.buckets.delete(key);
    for (const member of bucket.members) this.insert(this.elements[member], member);
  }

  private insert(element: unknown, index: number): void {
    const key = this.keyOf(element);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { members: [], untyped: [], next: 0, typed: new Map() };
      this.buckets.set(key, bucket);
    }
    bucket.members.push(index);
    const type = typeOf(element);
    if (type === undefined) bucket.untyped.push(index);
    else if (!bucket.typed.has(type)) bucket.typed.set(type, index);
  }

  /** Equal keys exactly when sameElement's value comparison says equal (types aside). */
  private keyOf(element: unknown): string {
    if (!isJsonObject(element)) return `s:${simpleKey(this.attribute, element)}`;
    if (this.valueSub && element.value !== undefined) return `v:${simpleKey(this.valueSub, element.value)}`;
    return `o:${jsonKey(element)}`;
  }
}

function simpleKey(attribute: AttributeDefinition, value: unknown): string {
  return typeof value === 'string' && !attribute.caseExact ? JSON.stringify(value.toLowerCase()) : jsonKey(value);
}

/** sameElement compares `type` only when it is a string on both sides. */
function typeOf(element: unknown): string | undefined {
  if (!isJsonObject(element) || typeof element.type !== 'string') return undefined;
  return element.type.toLowerCase();
}
