/** RFC 7644 §3.4.2.2: a filter value is a JSON string literal, so JSON quoting escapes quotes and backslashes. */
function literal(text: string): string {
  return JSON.stringify(text);
}

/**
 * The console's plain search box as a SCIM filter over indexed attributes, combined with the operator's own
 * filter by AND, so both go through the one filter → SQL compiler the SCIM endpoints use.
 */
export function directoryFilter(resourceType: 'User' | 'Group', search?: string, filter?: string): string | undefined {
  const text = search?.trim();
  const fromSearch = !text
    ? undefined
    : resourceType === 'User'
      ? `userName sw ${literal(text)} or displayName sw ${literal(text)} or externalId eq ${literal(text)}`
      : `displayName sw ${literal(text)} or externalId eq ${literal(text)}`;
  const own = filter?.trim() || undefined;
  if (fromSearch && own) return `(${fromSearch}) and (${own})`;
  return fromSearch ?? own;
}
