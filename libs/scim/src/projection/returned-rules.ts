import { AttributeDefinition } from '../schema';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { selectionKey, SelectionRules } from './attribute-selection';

/** Whether an attribute, or one of its sub-attributes, appears under the selection rules. */
export function returnsAttribute(attribute: AttributeDefinition, sub: AttributeDefinition | undefined, scope: string, rules: SelectionRules): boolean {
  const key = selectionKey(scope, attribute.name);
  if (attribute.returned === 'never') return false;
  if (attribute.returned === 'always') return sub ? returnsSub(sub, key, rules) : true;
  if (rules.exclude?.whole.has(key)) return false;
  const listed = rules.include ? rules.include.whole.has(key) || rules.include.subs.has(key) : attribute.returned !== 'request';
  if (!listed) return false;
  return sub ? returnsSub(sub, key, rules) : true;
}

function returnsSub(sub: AttributeDefinition, key: string, rules: SelectionRules): boolean {
  if (sub.returned === 'never') return false;
  if (sub.returned === 'always') return true;
  if (rules.exclude?.subs.get(key)?.has(sub.name)) return false;
  const include = rules.include;
  if (!include || include.whole.has(key)) return sub.returned !== 'request' || (include?.subs.get(key)?.has(sub.name) ?? false);
  const named = include.subs.get(key);
  return named === undefined || named.has(sub.name);
}

/** The value with the sub-attributes the rules leave, per element for multi-valued attributes. */
export function projectValue(attribute: AttributeDefinition, scope: string, value: unknown, rules: SelectionRules): unknown {
  if (attribute.type !== 'complex' || !attribute.subAttributes) return value;
  const key = selectionKey(scope, attribute.name);
  const projectOne = (item: unknown): unknown => {
    if (!isJsonObject(item)) return item;
    const result: JsonObject = {};
    for (const [name, inner] of Object.entries(item)) {
      const sub = attribute.subAttributes!.find((candidate) => candidate.name === name);
      if (!sub || returnsSub(sub, key, rules)) result[name] = inner;
    }
    return Object.keys(result).length > 0 ? result : undefined;
  };
  if (!Array.isArray(value)) return projectOne(value);
  const items = value.map(projectOne).filter((item) => item !== undefined);
  return items.length > 0 ? items : undefined;
}
