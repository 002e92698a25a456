import { JsonObject } from '../resource-model/json-value';
import { ScimValidationError } from '../resource-model/scim-validation-error';
import { ResourceTypeName } from '../schema';
import { applyPatch, PatchResult } from './apply-patch';
import { PATCH_OP_SCHEMA } from './patch-operations';

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const USER_ID = '2819c223-7f76-453a-919d-413861904646';
export const GROUP_ID = 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b';

/** Test data for the PATCH specs: a user as validateResource stores it. */
export function storedUser(extra: JsonObject = {}): JsonObject {
  return { schemas: [USER], userName: 'bjensen@example.com', active: true, ...extra };
}

export function patchBody(...operations: unknown[]): JsonObject {
  return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}

export function patchUser(current: JsonObject, ...operations: unknown[]): PatchResult {
  return applyPatch('User', current, patchBody(...operations), { id: USER_ID });
}

export function patchGroup(current: JsonObject, ...operations: unknown[]): PatchResult {
  return applyPatch('Group', current, patchBody(...operations), { id: GROUP_ID });
}

/** The typed error a call throws; fails the test when it throws nothing or something else. */
export function rejection(fn: () => unknown): ScimValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimValidationError) return error;
    throw error;
  }
  throw new Error('expected a ScimValidationError');
}

export function rejectsPatch(type: ResourceTypeName, current: JsonObject, ...operations: unknown[]): ScimValidationError {
  return rejection(() => applyPatch(type, current, patchBody(...operations), { id: type === 'User' ? USER_ID : GROUP_ID }));
}
