/** RFC 7644 §3.4.2.2 comparison operators, lower-cased ("attribute operators ... are case insensitive"). */
export type ComparisonOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

/** compValue: a JSON literal (RFC 7644 §3.4.2.2 ABNF: false / null / true / number / string). */
export type ComparisonValue = string | number | boolean | null;

/**
 * attrPath as written (names not yet resolved against a schema): `[URI ":"] ATTRNAME ["." subAttr]`,
 * optionally with a value filter `attr[valFilter]` and a sub-attribute after it (`emails[type eq "work"].value`).
 */
export interface AttributePath {
  uri?: string;
  attribute: string;
  subAttribute?: string;
  valueFilter?: FilterNode;
  /** 1-based character where the path starts in the source text, for error details. */
  position: number;
}

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; filter: FilterNode }
  | { kind: 'compare'; path: AttributePath; operator: ComparisonOperator; value: ComparisonValue }
  | { kind: 'present'; path: AttributePath }
  /** `emails[type eq "work" and value co "@example.com"]`: some element satisfies the value filter. */
  | { kind: 'valuePath'; path: AttributePath & { valueFilter: FilterNode } };

/** The path's text in canonical form as written, e.g. for error details: `emails[…].value`. */
export function describePath(path: AttributePath): string {
  const base = path.uri ? `${path.uri}:${path.attribute}` : path.attribute;
  const filtered = path.valueFilter ? `${base}[…]` : base;
  return path.subAttribute ? `${filtered}.${path.subAttribute}` : filtered;
}
