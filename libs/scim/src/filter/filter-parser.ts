import { AttributePath, COMPARISON_OPERATORS, ComparisonOperator, ComparisonValue, FilterNode } from './filter-ast';
import { attributePathFromWord, isAttributeName } from './attribute-path-syntax';
import { Token, tokenize } from './filter-tokenizer';

/** Bounds that keep hostile input from exhausting the stack or the planner. */
export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_NESTING = 32;

type Fail = (detail: string) => never;

/**
 * Recursive descent over the RFC 7644 §3.4.2.2 ABNF (FILTER, valuePath, valFilter, attrExp, logExp):
 * `or` binds looser than `and`, `not` must be followed by a parenthesised filter, keywords and
 * operators are case-insensitive, value filters may not nest.
 */
export class FilterParser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fail: Fail,
  ) {}

  static tokenize(source: string, fail: Fail): FilterParser {
    if (source.length > MAX_FILTER_LENGTH) fail(`Filter is longer than ${MAX_FILTER_LENGTH} characters`);
    return new FilterParser(tokenize(source, fail), fail);
  }

  parseFilter(depth = 0, insideValueFilter = false): FilterNode {
    if (depth > MAX_FILTER_NESTING) this.fail(`Filter nests deeper than ${MAX_FILTER_NESTING} levels at position ${this.peek().position}`);
    let left = this.parseConjunction(depth, insideValueFilter);
    while (this.peekKeyword('or')) {
      this.index++;
      left = { kind: 'or', left, right: this.parseConjunction(depth, insideValueFilter) };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') this.unexpected(token, "'and', 'or' or the end of the filter");
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  unexpected(token: Token, expected: string): never {
    const found = token.kind === 'end' ? 'the end of the filter' : `'${token.text}'`;
    return this.fail(`Expected ${expected} at position ${token.position} but found ${found}`);
  }

  /** attrPath, then `[valFilter]` and `.subAttr` when present; shared with the PATCH path parser. */
  parseAttributePath(depth: number, insideValueFilter: boolean): AttributePath {
    const token = this.next();
    if (token.kind !== 'word') this.unexpected(token, 'an attribute path');
    const path = attributePathFromWord(token, this.fail);
    if (this.peek().kind !== '[') return path;
    if (insideValueFilter) this.fail(`Value filters cannot nest (position ${this.peek().position})`);
    if (path.subAttribute) this.fail(`A value filter must follow an attribute, not the sub-attribute '${path.subAttribute}' (position ${this.peek().position})`);
    this.index++;
    path.valueFilter = this.parseFilter(depth + 1, true);
    this.expect(']', "']' closing the value filter");
    if (this.peek().kind === '.') {
      this.index++;
      const sub = this.next();
      if (sub.kind !== 'word' || !isAttributeName(sub.text)) this.unexpected(sub, 'a sub-attribute name after ].');
      path.subAttribute = sub.text;
    }
    return path;
  }

  private parseConjunction(depth: number, insideValueFilter: boolean): FilterNode {
    let left = this.parseUnary(depth, insideValueFilter);
    while (this.peekKeyword('and')) {
      this.index++;
      left = { kind: 'and', left, right: this.parseUnary(depth, insideValueFilter) };
    }
    return left;
  }

  private parseUnary(depth: number, insideValueFilter: boolean): FilterNode {
    if (this.peekKeyword('not') && this.peek(1).kind === '(') {
      this.index += 2;
      const filter = this.parseFilter(depth + 1, insideValueFilter);
      this.expect(')', "')' closing 'not ('");
      return { kind: 'not', filter };
    }
    if (this.peek().kind === '(') {
      this.index++;
      const filter = this.parseFilter(depth + 1, insideValueFilter);
      this.expect(')', "')'");
      return filter;
    }
    const following = this.peek(1);
    if (this.peekKeyword('not') && following.kind === 'word' && !isOperator(following.text)) {
      // An attribute may be called "not", but "not title eq …" is a forgotten parenthesis.
      this.fail(`'not' must be followed by a parenthesised filter, e.g. not (…), at position ${this.peek().position}`);
    }
    return this.parseAttributeExpression(depth, insideValueFilter);
  }

  private parseAttributeExpression(depth: number, insideValueFilter: boolean): FilterNode {
    const path = this.parseAttributePath(depth, insideValueFilter);
    if (path.valueFilter && path.subAttribute === undefined) {
      return { kind: 'valuePath', path: { ...path, valueFilter: path.valueFilter } };
    }
    const operatorToken = this.next();
    const operator = operatorToken.kind === 'word' ? operatorToken.text.toLowerCase() : '';
    if (operator === 'pr') return { kind: 'present', path };
    if (!isOperator(operator)) this.unexpected(operatorToken, 'an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)');
    return { kind: 'compare', path, operator: operator as ComparisonOperator, value: this.parseValue() };
  }

  /** compValue = false / null / true / number / string; the ABNF keywords are case-insensitive (RFC 5234 §2.3). */
  private parseValue(): ComparisonValue {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.value as string | number;
    const keyword = token.kind === 'word' ? token.text.toLowerCase() : '';
    if (keyword === 'true') return true;
    if (keyword === 'false') return false;
    if (keyword === 'null') return null;
    return this.unexpected(token, 'a value (a quoted string, a number, true, false or null)');
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private expect(kind: Token['kind'], description: string): void {
    const token = this.next();
    if (token.kind !== kind) this.unexpected(token, description);
  }
}

function isOperator(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'pr' || COMPARISON_OPERATORS.includes(lower as ComparisonOperator);
}
