import { AttributePath, FilterNode } from './filter-ast';

type AttributeNode = Extract<FilterNode, { path: AttributePath }>;

/** `value eq "…"` terms that every matching email element must satisfy: safe to pre-filter by the GIN index. */
export function emailValueEqualities(node: AttributeNode, valueFilter: FilterNode): string[] {
  const values: string[] = [];
  const collect = (filter: FilterNode): void => {
    if (filter.kind === 'and') {
      collect(filter.left);
      collect(filter.right);
    } else if (filter.kind === 'compare' && filter.operator === 'eq' && typeof filter.value === 'string' && isValue(filter.path)) {
      values.push(filter.value);
    }
  };
  collect(valueFilter);
  if (node.kind === 'compare' && node.operator === 'eq' && typeof node.value === 'string' && node.path.subAttribute?.toLowerCase() === 'value') {
    values.push(node.value);
  }
  return values;
}

function isValue(path: AttributePath): boolean {
  return !path.uri && !path.subAttribute && path.attribute.toLowerCase() === 'value';
}
