import { AttributePath } from './filter-ast';
import { Token } from './filter-tokenizer';

/** ATTRNAME = ALPHA *(nameChar), plus the "$ref" sub-attribute (RFC 7643 §2.1, RFC 7644 §3.4.2.2). */
const ATTRIBUTE_NAME = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]*:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#]+$/i;

export function isAttributeName(text: string): boolean {
  return ATTRIBUTE_NAME.test(text);
}

/**
 * `[URI ":"] ATTRNAME *1subAttr` from one word token. ATTRNAME cannot contain ':', so the URI ends
 * at the last colon ("urn:…:enterprise:2.0:User:manager.value" → URI, "manager", "value").
 */
export function attributePathFromWord(token: Token, fail: (detail: string) => never): AttributePath {
  let uri: string | undefined;
  let rest = token.text;
  if (/^urn:/i.test(rest)) {
    const lastColon = rest.lastIndexOf(':');
    uri = rest.slice(0, lastColon);
    rest = rest.slice(lastColon + 1);
    if (!URN.test(uri)) fail(`Invalid schema URN '${uri}' at position ${token.position}`);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || !parts.every(isAttributeName)) {
    fail(`Invalid attribute path '${token.text}' at position ${token.position}`);
  }
  return { uri, attribute: parts[0], subAttribute: parts[1], position: token.position };
}
