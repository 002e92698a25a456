/**
 * Query parameters whose value is a credential whatever the route: RFC 6750 §2.3 `access_token`,
 * OAuth `client_secret` and `code`, and the usual spellings of keys, passwords and signatures.
 */
const SECRET_PARAMETER = /token|secret|passw|pwd|api[-_]?key|signature|^sig$|^code$|credential|^auth/i;

/** Our generated secrets carry a kind marker (scim_, pat_, cs_, whsec_, adm_), so they are found wherever they appear. */
const MARKED_SECRET = /\b(?:(?:scim|pat|cs|adm)_[A-Za-z0-9_\-.%]{16,}|whsec_[A-Za-z0-9+/=%]{16,})/g;

export const REDACTED = '[redacted]';

/**
 * A request URL fit for a log line: credential-named query values blanked, and any marked secret or
 * any of `knownSecrets` (the admin token, which has no marker) blanked wherever it stands, path
 * included. Clients do put tokens in URLs although this API refuses them there.
 */
export function redactUrl(url: string, knownSecrets: readonly string[] = []): string {
  const queryAt = url.indexOf('?');
  let out = queryAt < 0 ? url : `${url.slice(0, queryAt)}?${redactQuery(url.slice(queryAt + 1))}`;
  for (const secret of knownSecrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out.replace(MARKED_SECRET, REDACTED);
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = safeDecode(equals < 0 ? pair : pair.slice(0, equals));
      return equals >= 0 && SECRET_PARAMETER.test(name) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
