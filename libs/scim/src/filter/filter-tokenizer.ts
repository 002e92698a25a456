import { unstorableText } from '../resource-model/storable-text';

export type TokenKind = 'word' | 'string' | 'number' | '(' | ')' | '[' | ']' | '.' | 'end';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for strings, including the quotes). */
  text: string;
  /** Decoded value of string and number literals. */
  value?: string | number;
  /** 1-based character position in the source. */
  position: number;
}

/** Attribute paths, operators and keywords; URNs carry ':' and '.' ("urn:…:2.0:User:name.givenName"). */
const WORD = /[A-Za-z$][A-Za-z0-9_$:.\-]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /\s+/y;
const PUNCTUATION = new Set(['(', ')', '[', ']', '.']);

/** Splits a filter or PATCH path into tokens; `fail` raises the caller's typed error. */
export function tokenize(source: string, fail: (detail: string) => never): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    WHITESPACE.lastIndex = index;
    if (WHITESPACE.test(source)) {
      index = WHITESPACE.lastIndex;
      continue;
    }
    const char = source[index];
    const position = index + 1;
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as TokenKind, text: char, position });
      index += 1;
    } else if (char === '"') {
      const end = closingQuote(source, index, fail);
      const text = source.slice(index, end + 1);
      tokens.push({ kind: 'string', text, value: decodeString(text, position, fail), position });
      index = end + 1;
    } else {
      const token = matchAt(WORD, 'word', source, index) ?? matchAt(NUMBER, 'number', source, index);
      if (!token) fail(`Unexpected character '${char}' at position ${position}`);
      if (token.kind === 'number') {
        if (/[A-Za-z0-9_$]/.test(source[index + token.text.length] ?? '')) fail(`Invalid number at position ${position}`);
        token.value = Number(token.text);
      }
      tokens.push(token);
      index += token.text.length;
    }
  }
  tokens.push({ kind: 'end', text: 'end of input', position: source.length + 1 });
  return tokens;
}

function matchAt(pattern: RegExp, kind: TokenKind, source: string, index: number): Token | undefined {
  pattern.lastIndex = index;
  const match = pattern.exec(source);
  return match ? { kind, text: match[0], position: index + 1 } : undefined;
}

function closingQuote(source: string, start: number, fail: (detail: string) => never): number {
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === '"') return index;
  }
  return fail(`Unterminated string starting at position ${start + 1}`);
}

/** compValue strings are JSON strings (RFC 7644 §3.4.2.2 refers to RFC 7159), escapes included. */
function decodeString(text: string, position: number, fail: (detail: string) => never): string {
  let decoded: string;
  try {
    decoded = JSON.parse(text) as string;
  } catch {
    return fail(`Invalid string literal at position ${position}: not a JSON string (check escapes and control characters)`);
  }
  // No stored value can hold these, and Postgres rejects them as parameters.
  const unstorable = unstorableText(decoded);
  if (unstorable) return fail(`Invalid string literal at position ${position}: it contains ${unstorable}`);
  return decoded;
}
