import { FilterNode } from '../filter';
import { distinctMembers, GroupMember } from '../resource-model/group-members';

/**
 * What a Group PATCH does to the membership table, in order. Each change is meant to be one
 * statement (a multi-row INSERT … ON CONFLICT DO NOTHING, a DELETE … WHERE member_id = ANY($1)),
 * so its cost depends on the members named, never on the size of the group, and the engine never
 * needs the current member list.
 */
export type MembershipChange =
  | { op: 'add'; members: GroupMember[] }
  | { op: 'remove'; ids: string[] }
  | { op: 'removeAll' }
  /**
   * Members matching a value filter the engine cannot reduce to ids (`members[type eq "Group"]`).
   * `filter` is the value filter inside `members[…]`; its names are member sub-attributes (value,
   * type, display, $ref). With `requireMatch` (a filtered `replace`), no matching row is
   * RFC 7644 §3.5.2.3 noTarget: the storage layer throws `noTarget(...)` then.
   */
  | { op: 'removeWhere'; filter: FilterNode; requireMatch: boolean };

/**
 * Appends a change, merging it with the previous one when they are of the same kind: Entra sends
 * one "Add members" operation per member, which should still be one INSERT. A removeAll makes all
 * earlier changes moot.
 */
export function pushMembershipChange(changes: MembershipChange[], change: MembershipChange): void {
  const last = changes[changes.length - 1];
  if (change.op === 'removeAll') {
    changes.splice(0, changes.length, change);
  } else if (change.op === 'add' && last?.op === 'add') {
    last.members = distinctMembers([...last.members, ...change.members]);
  } else if (change.op === 'remove' && last?.op === 'remove') {
    last.ids = [...new Set([...last.ids, ...change.ids])];
  } else if (change.op === 'add') {
    if (change.members.length > 0) changes.push({ op: 'add', members: distinctMembers(change.members) });
  } else if (change.op === 'remove') {
    if (change.ids.length > 0) changes.push({ op: 'remove', ids: [...new Set(change.ids)] });
  } else {
    changes.push(change);
  }
}
