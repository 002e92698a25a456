import { coerceGroupMembers } from '../resource-model/group-members';
import { invalidPath, mutability } from '../resource-model/scim-validation-error';
import { pushMembershipChange } from './membership-change';
import { PatchOpName } from './patch-operations';
import { PatchState } from './patch-state';
import { PatchTarget } from './patch-target';

/**
 * Group `members` operations become membership changes instead of edits of the group's JSON, so
 * no operation needs the current member list (membership is its own table, docs/architecture.md).
 * - add `members` with a list (Entra, Okta): add those members
 * - replace `members` with a list (Okta's full push, docs/okta.md): remove all, add the list
 * - remove `members` with a value list (Entra without aadOptscim062020, docs/entra.md; not RFC 7644 §3.5.2.2):
 *   remove only those; without a value (RFC 7644 §3.5.2.2): remove all
 * - remove `members[value eq "id"]` (Okta, Entra with the flag): remove by id; other filters are
 *   handed to storage as a filter
 * - replace `members[filter]`: remove the matches (at least one, §3.5.2.3 noTarget), add the value
 * Removing a member that is not there is a no-op, so IdP retries stay harmless.
 */
export function applyMembers(state: PatchState, op: PatchOpName, target: PatchTarget, raw: unknown): void {
  const { attribute, subAttribute } = target.ref;
  // RFC 7643 §4.2: a member's sub-attributes are immutable; members are added or removed whole.
  if (subAttribute) throw mutability(`${target.label}: member sub-attributes are immutable; add or remove the member instead`);
  const changes = state.memberChanges;
  if (target.filter) {
    if (op === 'add') throw invalidPath(`${target.label}: add members with path "members" and the members as value`);
    const ids = memberIds(target.filter.equalities);
    if (ids && op === 'remove') pushMembershipChange(changes, { op: 'remove', ids });
    else pushMembershipChange(changes, { op: 'removeWhere', filter: target.filter.expression, requireMatch: op === 'replace' && raw != null });
    if (op === 'replace') pushMembershipChange(changes, { op: 'add', members: coerceGroupMembers(attribute, raw) });
    return;
  }
  if (op === 'add') {
    pushMembershipChange(changes, { op: 'add', members: coerceGroupMembers(attribute, raw) });
  } else if (op === 'replace') {
    pushMembershipChange(changes, { op: 'removeAll' });
    pushMembershipChange(changes, { op: 'add', members: coerceGroupMembers(attribute, raw) });
  } else if (raw === undefined || raw === null) {
    pushMembershipChange(changes, { op: 'removeAll' });
  } else {
    pushMembershipChange(changes, { op: 'remove', ids: coerceGroupMembers(attribute, raw).map((member) => member.value) });
  }
}

/** `value eq "a"` or `value eq "a" or value eq "b"` as ids; undefined for any other filter. */
function memberIds(equalities: Record<string, unknown>[] | undefined): string[] | undefined {
  if (!equalities) return undefined;
  const ids: string[] = [];
  for (const terms of equalities) {
    const keys = Object.keys(terms);
    if (keys.length !== 1 || keys[0] !== 'value' || typeof terms.value !== 'string') return undefined;
    ids.push(terms.value);
  }
  return ids;
}
