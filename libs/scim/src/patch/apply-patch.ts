import { ResourceTypeName } from '../schema';
import { cloneJson, jsonEqual, JsonObject } from '../resource-model/json-value';
import { keepActive } from '../resource-model/keep-active';
import { dropRepeatedValues } from '../resource-model/repeated-values';
import { resourceSchemas } from '../validation/check-schemas';
import { assertIndexedLengths } from '../validation/indexed-lengths';
import { assertRequiredAttributes, dropEmptyExtensions } from '../validation/required-attributes';
import { applyOperation } from './apply-operation';
import { MembershipChange } from './membership-change';
import { PatchState } from './patch-state';
import { readPatchOperations } from './patch-operations';

export interface PatchResult {
  /** The new canonical resource (Group members are not part of it, see memberChanges). */
  resource: JsonObject;
  /** False when the operations left the resource JSON as it was (re-adding a value, unchanged id). */
  changed: boolean;
  /** A password set by the request (Okta's password sync), for hashing; never in `resource`. */
  password?: string;
  /** Groups: membership changes to apply in order; empty for users and for groups whose members stay. */
  memberChanges: MembershipChange[];
}

export interface PatchOptions {
  /** The resource id when `current` does not carry it, to tolerate an unchanged `id` in a value. */
  id?: string;
}

/**
 * Applies a PatchOp request (RFC 7644 §3.5.2) to a resource in its canonical stored form. Pure and
 * synchronous: every operation works on one copy and any error is a ScimValidationError thrown
 * before anything reaches the caller, so the request is atomic as §3.5.2 requires.
 */
export function applyPatch(resourceType: ResourceTypeName, current: JsonObject, body: unknown, options: PatchOptions = {}): PatchResult {
  const operations = readPatchOperations(body);
  const state: PatchState = {
    resource: cloneJson(current),
    id: options.id ?? (typeof current.id === 'string' ? current.id : undefined),
    memberChanges: [],
  };
  for (const operation of operations) applyOperation(resourceType, state, operation);
  keepActive(resourceType, state.resource, current);
  dropRepeatedValues(resourceType, state.resource);
  dropEmptyExtensions(resourceType, state.resource);
  assertRequiredAttributes(resourceType, state.resource, 'mutability');
  assertIndexedLengths(resourceType, state.resource);
  state.resource.schemas = resourceSchemas(resourceType, state.resource);
  const result: PatchResult = { resource: state.resource, changed: !jsonEqual(current, state.resource), memberChanges: state.memberChanges };
  if (state.password !== undefined) result.password = state.password;
  return result;
}
