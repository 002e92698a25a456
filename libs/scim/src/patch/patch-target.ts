import { FilterNode } from '../filter';
import { JsonObject } from '../resource-model/json-value';
import { AttributeRef } from '../resource-model/attribute-ref';

/** A value selection filter (`emails[type eq "work"]`) bound to the multi-valued attribute it filters. */
export interface ValueFilter {
  /** The filter AST as the filter parser produced it; handed on to storage for Group members. */
  expression: FilterNode;
  /** Whether one element of the multi-valued attribute matches (RFC 7644 §3.4.2.2 semantics). */
  test(element: unknown): boolean;
  /**
   * The filter as alternatives of equalities with canonical sub-attribute names:
   * `type eq "work"` → [{type: "work"}], `value eq "a" or value eq "b"` → [{value: "a"}, {value: "b"}];
   * undefined when other operators are involved. Used to create the element an Entra `Add` on a
   * filtered path expects (docs/scim.md: add on a filtered path) and to turn member filters into ids.
   */
  equalities: JsonObject[] | undefined;
}

/** Where one PATCH operation points, resolved against the resource type's schemas. */
export interface PatchTarget {
  /** The attribute; `subAttribute` is the part after the dot or after the filter. */
  ref: AttributeRef;
  filter?: ValueFilter;
  /** The path as the client wrote it, for error details. */
  label: string;
}
