import { attributeContainer } from '../resource-model/attribute-entries';
import { coerceAttributeValue } from '../resource-model/coerce-value';
import { isMembershipAttribute } from '../resource-model/group-members';
import { assertImmutableKept, guardsImmutables } from '../resource-model/immutable-attributes';
import { cloneJson } from '../resource-model/json-value';
import { invalidValue, mutability } from '../resource-model/scim-validation-error';
import { applyMembers } from './apply-members';
import { applyMultiValued } from './apply-multi-valued';
import { applySingleValued } from './apply-single-valued';
import { PatchOpName } from './patch-operations';
import { PatchState } from './patch-state';
import { PatchTarget } from './patch-target';
import { primaryFlags, settlePrimary } from './settle-primary';
import { assertUnchangedId } from './unchanged-id';

/**
 * One add/remove/replace on one attribute. Mutability first (RFC 7644 §3.5.2: readOnly and changed
 * immutable targets are 400 mutability), then Group members go to the membership changes, the
 * password to the caller, and everything else into the working copy.
 */
export function applyToTarget(state: PatchState, op: PatchOpName, target: PatchTarget, raw: unknown): void {
  const { attribute, subAttribute } = target.ref;
  if (attribute.mutability === 'readOnly' || subAttribute?.mutability === 'readOnly') {
    if (attribute.name === 'id' && !subAttribute && op !== 'remove' && !target.filter) return assertUnchangedId(state, raw);
    throw mutability(`${target.label} is readOnly`);
  }
  if (isMembershipAttribute(target.ref)) return applyMembers(state, op, target, raw);
  if (attribute.mutability === 'writeOnly') return applyWriteOnly(state, op, target, raw);
  const container = attributeContainer(state.resource, target.ref, op !== 'remove');
  if (!container) return;
  const before = guardsImmutables(attribute) ? cloneJson(container[attribute.name]) : undefined;
  const primaries = primaryFlags(container[attribute.name]);
  if (attribute.multiValued) applyMultiValued(op, target, container, raw);
  else applySingleValued(op, target, container, raw);
  settlePrimary(container, attribute, primaries, target.label);
  assertImmutableKept(attribute, before, container[attribute.name], target.label);
}

/** Okta syncs passwords with `{"op":"replace","value":{"password":"…"}}` (OKTA-REF). */
function applyWriteOnly(state: PatchState, op: PatchOpName, target: PatchTarget, raw: unknown): void {
  if (op === 'remove' || target.ref.subAttribute || target.filter) throw mutability(`${target.label} can only be set`);
  const password = coerceAttributeValue(target.ref.attribute, raw, target.label);
  if (typeof password !== 'string') throw invalidValue(`${target.label} must be a non-empty string`);
  state.password = password;
}
