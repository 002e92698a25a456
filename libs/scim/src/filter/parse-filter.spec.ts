import { FilterNode } from './filter-ast';
import { parseFilter, parsePatchPath } from './parse-filter';
import { ScimFilterError, ScimPathError } from './scim-filter.error';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A compact rendering of the AST so precedence is easy to read in expectations. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${show(node.left)} ${node.kind} ${show(node.right)})`;
    case 'not':
      return `not ${show(node.filter)}`;
    case 'present':
      return `${pathText(node.path)} pr`;
    case 'valuePath':
      return pathText(node.path);
    case 'compare':
      return `${pathText(node.path)} ${node.operator} ${JSON.stringify(node.value)}`;
  }
}

function pathText(path: { uri?: string; attribute: string; subAttribute?: string; valueFilter?: FilterNode }): string {
  const base = `${path.uri ? `${path.uri}:` : ''}${path.attribute}${path.valueFilter ? `[${show(path.valueFilter)}]` : ''}`;
  return path.subAttribute ? `${base}.${path.subAttribute}` : base;
}

function errorOf(action: () => unknown): ScimFilterError {
  try {
    action();
  } catch (error) {
    return error as ScimFilterError;
  }
  throw new Error('expected the parser to fail');
}

describe('parseFilter', () => {
  it.each(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'])('parses the %s operator', (operator) => {
    expect(show(parseFilter(`title ${operator} "x"`))).toBe(`title ${operator} "x"`);
  });

  it('parses pr without a value', () => {
    expect(show(parseFilter('title pr'))).toBe('title pr');
  });

  it('reads operators, keywords and literals case-insensitively', () => {
    expect(show(parseFilter('userName EQ "a" AND active Eq TRUE Or title PR'))).toBe('((userName eq "a" and active eq true) or title pr)');
    expect(show(parseFilter('x eq False and y eq NULL'))).toBe('(x eq false and y eq null)');
  });

  it('binds and tighter than or', () => {
    expect(show(parseFilter('a eq 1 or b eq 2 and c eq 3'))).toBe('(a eq 1 or (b eq 2 and c eq 3))');
    expect(show(parseFilter('a eq 1 and b eq 2 or c eq 3'))).toBe('((a eq 1 and b eq 2) or c eq 3)');
  });

  it('groups with parentheses and negates with not', () => {
    expect(show(parseFilter('(a eq 1 or b eq 2) and c eq 3'))).toBe('((a eq 1 or b eq 2) and c eq 3)');
    expect(show(parseFilter('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")'))).toBe(
      '(userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org"))',
    );
    expect(show(parseFilter('not(a pr)'))).toBe('not a pr');
    expect(show(parseFilter('not eq "x" and not pr'))).toBe('(not eq "x" and not pr)');
  });

  it('parses value paths, alone and followed by a sub-attribute comparison (Entra)', () => {
    expect(show(parseFilter('emails[type eq "work" and value co "@example.com"]'))).toBe('emails[(type eq "work" and value co "@example.com")]');
    expect(show(parseFilter('emails[type eq "work"].value eq "a@b.c"'))).toBe('emails[type eq "work"].value eq "a@b.c"');
    expect(show(parseFilter('userType eq "E" and emails[type eq "work" or not (primary eq false)]'))).toBe(
      '(userType eq "E" and emails[(type eq "work" or not primary eq false)])',
    );
  });

  it('splits URN-qualified paths at the last colon', () => {
    const node = parseFilter(`${ENTERPRISE}:manager.value eq "42"`);
    expect(node).toMatchObject({ kind: 'compare', path: { uri: ENTERPRISE, attribute: 'manager', subAttribute: 'value' } });
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"')).toMatchObject({
      path: { uri: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'userName' },
    });
  });

  it('decodes JSON string escapes and numbers', () => {
    expect(parseFilter(String.raw`title eq "a \"quoted\" \\ \u00e9\n"`)).toMatchObject({ value: 'a "quoted" \\ é\n' });
    expect(parseFilter('x gt -12.5e2')).toMatchObject({ value: -1250 });
    expect(parseFilter('x eq 0')).toMatchObject({ value: 0 });
  });

  it('accepts $ref sub-attributes and attribute names with digits, hyphens and underscores', () => {
    expect(parseFilter('members.$ref pr')).toMatchObject({ path: { attribute: 'members', subAttribute: '$ref' } });
    expect(parseFilter('x509Certificates.value pr')).toMatchObject({ path: { attribute: 'x509Certificates' } });
  });

  it.each([
    ['', 'empty'],
    ['userName', "Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) at position 9 but found the end of the filter"],
    ['userName eq', 'Expected a value (a quoted string, a number, true, false or null) at position 12'],
    ['userName xx "a"', "Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) at position 10 but found 'xx'"],
    ['userName eq john', "at position 13 but found 'john'"],
    ['userName eq "a" and', 'Expected an attribute path at position 20'],
    ['userName eq "a" userName eq "b"', "Expected 'and', 'or' or the end of the filter at position 17"],
    ['(userName eq "a"', "Expected ')' at position 17"],
    ['userName eq "a)', 'Unterminated string starting at position 13'],
    ['title eq "\\x"', 'Invalid string literal at position 10'],
    ['title eq "a\\u0000"', 'Invalid string literal at position 10: it contains the NUL character'],
    ['title eq "\\ud800"', 'Invalid string literal at position 10: it contains a lone UTF-16 surrogate'],
    ['emails[type eq "work"', "Expected ']' closing the value filter at position 22"],
    ['emails[type[value eq "a"] eq "b"]', 'Value filters cannot nest (position 12)'],
    ['name.givenName.x eq "a"', "Invalid attribute path 'name.givenName.x' at position 1"],
    ['1abc eq "a"', 'Invalid number at position 1'],
    ['title eq #', "Unexpected character '#' at position 10"],
    ['not title eq "a"', "'not' must be followed by a parenthesised filter, e.g. not (…), at position 1"],
  ])('rejects %j with an invalidFilter detail naming the position', (filter, detail) => {
    const error = errorOf(() => parseFilter(filter));
    expect(error).toBeInstanceOf(ScimFilterError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect(error.detail).toContain(detail);
  });

  it('rejects nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(40)}a pr${')'.repeat(40)}`;
    expect(errorOf(() => parseFilter(deep)).detail).toMatch(/nests deeper/);
  });
});

describe('parsePatchPath', () => {
  it('parses plain, sub-attribute, filtered and URN paths', () => {
    expect(parsePatchPath('members')).toMatchObject({ attribute: 'members' });
    expect(parsePatchPath('name.givenName')).toMatchObject({ attribute: 'name', subAttribute: 'givenName' });
    expect(parsePatchPath('members[value eq "2819c223"]')).toMatchObject({
      attribute: 'members',
      valueFilter: { kind: 'compare', operator: 'eq', value: '2819c223' },
    });
    expect(parsePatchPath('emails[type eq "work"].value')).toMatchObject({ attribute: 'emails', subAttribute: 'value' });
    expect(parsePatchPath(`${ENTERPRISE}:manager`)).toMatchObject({ uri: ENTERPRISE, attribute: 'manager' });
  });

  it.each(['', 'emails[type eq "work"', 'emails eq "x"', 'emails[type eq "work"].', 'a.b.c', '"x"'])(
    'rejects %j as invalidPath',
    (path) => {
      const error = errorOf(() => parsePatchPath(path));
      expect(error).toBeInstanceOf(ScimPathError);
      expect(error).toMatchObject({ status: 400, scimType: 'invalidPath' });
    },
  );
});
