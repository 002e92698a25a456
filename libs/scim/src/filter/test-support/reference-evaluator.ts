import { AttributePath, ComparisonOperator, ComparisonValue, FilterNode } from '../filter-ast';
import { ENTERPRISE, GeneratedUser } from './filter-arbitraries';

/**
 * An in-memory statement of the filter semantics (docs/filtering.md), written independently of the
 * SQL compiler for the property test: any value matches, absent values never compare, undefined
 * attributes are absent, caseExact false folds case, dateTimes compare as instants.
 */
type Kind = 'string' | 'boolean' | 'dateTime';
interface Leaf {
  kind: Kind;
  caseExact: boolean;
  values: (user: GeneratedUser) => unknown[];
}
type Element = Record<string, unknown>;

const emailsOf = (user: GeneratedUser) => (user.emails as Element[] | undefined) ?? [];
const one = (value: unknown) => [value];
const leaf = (kind: Kind, values: Leaf['values'], caseExact = false): Leaf => ({ kind, caseExact, values });
const department = leaf('string', (user) => one((user[ENTERPRISE] as Element | undefined)?.department));

const TOP_LEVEL: Record<string, Leaf> = {
  username: leaf('string', (user) => one(user.userName)),
  externalid: leaf('string', (user) => one(user.externalId), true),
  displayname: leaf('string', (user) => one(user.displayName)),
  title: leaf('string', (user) => one(user.title)),
  active: leaf('boolean', (user) => one(user.active)),
  'name.givenname': leaf('string', (user) => one((user.name as Element | undefined)?.givenName)),
  'name.familyname': leaf('string', (user) => one((user.name as Element | undefined)?.familyName)),
  emails: leaf('string', (user) => emailsOf(user).map((email) => email.value)),
  'emails.value': leaf('string', (user) => emailsOf(user).map((email) => email.value)),
  'emails.type': leaf('string', (user) => emailsOf(user).map((email) => email.type)),
  'emails.primary': leaf('boolean', (user) => emailsOf(user).map((email) => email.primary)),
  department,
  [`${ENTERPRISE.toLowerCase()}:department`]: department,
  'meta.created': leaf('dateTime', (user) => one(user.created)),
  'meta.lastmodified': leaf('dateTime', (user) => one(user.lastModified)),
};
const EMAIL_SUB: Record<string, Leaf> = {
  value: leaf('string', (email) => one(email.value)),
  type: leaf('string', (email) => one(email.type)),
  primary: leaf('boolean', (email) => one(email.primary)),
};

export function evaluate(node: FilterNode, user: GeneratedUser, elementScope = false): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, user, elementScope) && evaluate(node.right, user, elementScope);
    case 'or':
      return evaluate(node.left, user, elementScope) || evaluate(node.right, user, elementScope);
    case 'not':
      return !evaluate(node.filter, user, elementScope);
    case 'valuePath':
      return emailsOf(user).some((email) => evaluate(node.path.valueFilter, email as GeneratedUser, true));
  }
  const { path } = node;
  if (node.kind === 'compare' && node.value === null) {
    const present = evaluate({ kind: 'present', path }, user, elementScope);
    return node.operator === 'eq' ? !present : present;
  }
  if (path.valueFilter) {
    return emailsOf(user).some(
      (email) => evaluate(path.valueFilter!, email as GeneratedUser, true) && test(EMAIL_SUB[path.subAttribute!.toLowerCase()], node, email as GeneratedUser),
    );
  }
  const table = elementScope ? EMAIL_SUB : TOP_LEVEL;
  return test(table[key(path)], node, user);
}

function key(path: AttributePath): string {
  const name = path.subAttribute ? `${path.attribute}.${path.subAttribute}` : path.attribute;
  const core = 'urn:ietf:params:scim:schemas:core:2.0:user';
  const uri = path.uri?.toLowerCase();
  return (uri && uri !== core ? `${uri}:${name}` : name).toLowerCase();
}

function test(definition: Leaf | undefined, node: Extract<FilterNode, { path: AttributePath }>, subject: GeneratedUser): boolean {
  if (!definition) return false;
  const values = definition.values(subject).filter((value) => value !== undefined && value !== null);
  const present = values.some((value) => value !== '');
  if (node.kind === 'present') return present;
  if (node.kind !== 'compare') return false;
  return values.some((value) => compare(definition, value, node.operator, node.value));
}

function compare(definition: Leaf, actual: unknown, operator: ComparisonOperator, expected: ComparisonValue): boolean {
  if (definition.kind === 'boolean') return operator === 'eq' ? actual === expected : actual !== expected;
  const [a, b] =
    definition.kind === 'dateTime'
      ? [Date.parse(actual as string), Date.parse(expected as string)]
      : [fold(actual as string, definition), fold(expected as string, definition)];
  switch (operator) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'co': return (a as string).includes(b as string);
    case 'sw': return (a as string).startsWith(b as string);
    case 'ew': return (a as string).endsWith(b as string);
    case 'gt': return a > b;
    case 'ge': return a >= b;
    case 'lt': return a < b;
    case 'le': return a <= b;
  }
}

function fold(text: string, definition: Leaf): string {
  return definition.caseExact ? text : text.toLowerCase();
}
