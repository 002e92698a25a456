import fc from 'fast-check';
import { AttributePath, ComparisonOperator, ComparisonValue, FilterNode } from '../filter-ast';

/** Generated users and filters for the property tests: small ASCII pools so filters often match. */
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const WORDS = ['alice', 'ALICE', 'Bob', 'b', 'carol', 'dave%', 'e_ve', '%', '_', '', 'c\\d', '\\', 'Work', 'home', 'r&d', 'Sales', 'sales'];
const EMAILS = ['x@example.com', 'X@Example.COM', 'y@test.org', 'z_1@test.org'];
const USER_NAMES = ['alice', 'Bob', 'carol', 'dave%', 'e_ve', 'Frank', 'george', 'HAL'];
export const DATE_TIMES = ['2026-01-01T00:00:00Z', '2026-01-02T12:00:00Z', '2026-01-03T00:00:00.500Z', '2026-01-02T13:00:00+01:00'];

const optionalWord = fc.constantFrom<string | null | undefined>(undefined, null, ...WORDS);
const dateTime = fc.constantFrom(...DATE_TIMES);

export type GeneratedUser = Record<string, unknown> & { userName: string; created: string; lastModified: string };

const emailArbitrary = fc.record(
  { value: fc.constantFrom(...EMAILS), type: fc.constantFrom('work', 'home', 'Work'), primary: fc.boolean() },
  { requiredKeys: ['value'] },
);

const userFields = fc.record(
  {
    externalId: optionalWord,
    displayName: optionalWord,
    title: optionalWord,
    active: fc.boolean(),
    name: fc.record({ givenName: optionalWord, familyName: optionalWord }, { requiredKeys: [] }),
    emails: fc.array(emailArbitrary, { maxLength: 3 }),
    [ENTERPRISE]: fc.record({ department: optionalWord }, { requiredKeys: [] }),
    created: dateTime,
    lastModified: dateTime,
  },
  { requiredKeys: ['active', 'created', 'lastModified'] },
);

export const usersArbitrary: fc.Arbitrary<GeneratedUser[]> = fc
  .uniqueArray(fc.constantFrom(...USER_NAMES), { minLength: 1, maxLength: 6, selector: (name) => name.toLowerCase() })
  .chain((names) => fc.tuple(...names.map((userName) => userFields.map((fields) => ({ ...fields, userName }) as GeneratedUser))));

type Kind = 'string' | 'boolean' | 'dateTime';

/** Attribute paths the filters use, with the spellings clients may send; `nickName2` is not in the schema. */
const TOP_LEVEL: [string[], Kind][] = [
  [['userName', 'USERNAME', 'urn:ietf:params:scim:schemas:core:2.0:User:userName'], 'string'],
  [['externalId'], 'string'],
  [['displayName'], 'string'],
  [['title', 'Title'], 'string'],
  [['active'], 'boolean'],
  [['name.givenName', 'NAME.givenname'], 'string'],
  [['name.familyName'], 'string'],
  [['emails', 'emails.value', 'Emails.Value'], 'string'],
  [['emails.type'], 'string'],
  [['emails.primary'], 'boolean'],
  [[`${ENTERPRISE}:department`, 'department', `${ENTERPRISE.toLowerCase()}:Department`], 'string'],
  [['meta.created', 'meta.lastModified'], 'dateTime'],
  [['nickName2', 'name.nickX'], 'string'],
];
const EMAIL_SUB: [string[], Kind][] = [
  [['value', 'VALUE'], 'string'],
  [['type'], 'string'],
  [['primary'], 'boolean'],
  [['kind'], 'string'],
];

const OPERATORS: Record<Kind, ComparisonOperator[]> = {
  string: ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'],
  boolean: ['eq', 'ne'],
  dateTime: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
};
const VALUES: Record<Kind, fc.Arbitrary<ComparisonValue>> = {
  string: fc.constantFrom(...WORDS, ...EMAILS),
  boolean: fc.boolean(),
  dateTime,
};

function pathOf(text: string): AttributePath {
  const lastColon = text.lastIndexOf(':');
  const uri = lastColon > 0 ? text.slice(0, lastColon) : undefined;
  const [attribute, subAttribute] = text.slice(lastColon + 1).split('.');
  return { uri, attribute, subAttribute, position: 1 };
}

/** A comparison or pr on one of the attributes, with an operator and value fitting its type. */
function leafArbitrary(attributes: [string[], Kind][]): fc.Arbitrary<FilterNode> {
  return fc.constantFrom(...attributes).chain(([spellings, kind]) =>
    fc.tuple(fc.constantFrom(...spellings), fc.constantFrom(...OPERATORS[kind], 'pr' as const, 'eqNull' as const, 'neNull' as const), VALUES[kind]).map(
      ([spelling, operator, value]): FilterNode => {
        const path = pathOf(spelling);
        if (operator === 'pr') return { kind: 'present', path };
        if (operator === 'eqNull' || operator === 'neNull') return { kind: 'compare', path, operator: operator === 'eqNull' ? 'eq' : 'ne', value: null };
        return { kind: 'compare', path, operator, value };
      },
    ),
  );
}

function logicArbitrary(leaf: fc.Arbitrary<FilterNode>, depth: number): fc.Arbitrary<FilterNode> {
  if (depth === 0) return leaf;
  const inner = logicArbitrary(leaf, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('and' as const, 'or' as const), inner, inner).map(([kind, left, right]): FilterNode => ({ kind, left, right })) },
    { weight: 1, arbitrary: inner.map((filter): FilterNode => ({ kind: 'not', filter })) },
  );
}

/** `emails[...]` alone or followed by `.sub op value`, as Entra sends it. */
const emailValuePath: fc.Arbitrary<FilterNode> = fc
  .tuple(logicArbitrary(leafArbitrary(EMAIL_SUB), 1), fc.option(leafArbitrary(EMAIL_SUB), { nil: undefined }))
  .map(([valueFilter, trailing]): FilterNode => {
    const path = { attribute: 'emails', valueFilter, position: 1 };
    if (!trailing || trailing.kind !== 'compare' && trailing.kind !== 'present') return { kind: 'valuePath', path };
    return { ...trailing, path: { ...path, subAttribute: trailing.path.attribute } };
  });

export const filterArbitrary: fc.Arbitrary<FilterNode> = logicArbitrary(
  fc.oneof({ weight: 4, arbitrary: leafArbitrary(TOP_LEVEL) }, { weight: 1, arbitrary: emailValuePath }),
  3,
);

/**
 * Renders with the fewest parentheses precedence allows. `alternating` flips keyword case between
 * sibling terms to exercise case-insensitive keywords; `lower` renders one canonical text.
 */
export function renderFilter(node: FilterNode, casing: 'lower' | 'alternating' = 'lower'): string {
  return render(node, casing === 'alternating', casing === 'alternating');
}

function render(node: FilterNode, alternate: boolean, upper: boolean): string {
  const keyword = (word: string) => (upper ? word.toUpperCase() : word);
  switch (node.kind) {
    case 'or':
      return `${render(node.left, alternate, upper)} ${keyword('or')} ${render(node.right, alternate, alternate && !upper)}`;
    case 'and': {
      const side = (child: FilterNode) => (child.kind === 'or' ? `(${render(child, alternate, upper)})` : render(child, alternate, upper));
      return `${side(node.left)} ${keyword('and')} ${side(node.right)}`;
    }
    case 'not':
      return `${keyword('not')} (${render(node.filter, alternate, upper)})`;
    default:
      return renderLeaf(node, keyword, alternate);
  }
}

function renderLeaf(node: Extract<FilterNode, { path: AttributePath }>, keyword: (word: string) => string, alternate: boolean): string {
  const { path } = node;
  const name = `${path.uri ? `${path.uri}:` : ''}${path.attribute}`;
  const filtered = path.valueFilter ? `${name}[${render(path.valueFilter, alternate, false)}]` : name;
  const full = path.subAttribute ? `${filtered}.${path.subAttribute}` : filtered;
  if (node.kind === 'valuePath') return full;
  if (node.kind === 'present') return `${full} ${keyword('pr')}`;
  return `${full} ${keyword(node.operator)} ${JSON.stringify(node.value)}`;
}
