/** The audit action a rejected SCIM write would have been, from its method and path; undefined for reads. */
export function failedWriteOf(
  method: string,
  path: string,
  id: string | undefined,
): { action: string; resourceType: 'User' | 'Group'; resourceId: string | null } | undefined {
  const match = /^\/scim(?:\/v2)?\/(users|groups)(?:\/|$)/i.exec(path);
  if (!match || path.toLowerCase().endsWith('/.search')) return undefined;
  const resourceType = match[1].toLowerCase() === 'users' ? 'User' : 'Group';
  const verb = { POST: 'created', PUT: 'updated', PATCH: 'updated', DELETE: 'deleted' }[method.toUpperCase()];
  if (!verb) return undefined;
  return { action: `${resourceType.toLowerCase()}.${verb}`, resourceType, resourceId: id ?? null };
}
