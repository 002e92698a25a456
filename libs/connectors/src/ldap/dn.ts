/**
 * `attr=value` with the value escaped as RFC 4514 §2.4 requires, in the backslash form servers return
 * (ldapts' DN class quotes values instead, the deprecated RFC 1779 form, which would not compare equal).
 */
export function rdnOf(attribute: string, value: string): string {
  const escaped = value
    .replace(/[\\"+,;<>]/g, (c) => `\\${c}`)
    .replace(/\0/g, '\\00')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
  return `${attribute}=${escaped}`;
}

/** The first RDN and the parent DN, split at the first comma that is not escaped (RFC 4514 §3). */
export function splitDn(dn: string): [rdn: string, parent: string] {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++;
    else if (dn[i] === ',') return [dn.slice(0, i), dn.slice(i + 1)];
  }
  return [dn, ''];
}

/**
 * A comparison key for DNs: attribute names and values are case-insensitive in the dialects we write (uid, cn
 * use caseIgnoreMatch), and spaces around separators are not significant.
 */
export function dnKey(dn: string): string {
  return dn.toLowerCase().replace(/\s*([,=+])\s*/g, '$1');
}
