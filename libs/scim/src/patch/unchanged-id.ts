import { mutability } from '../resource-model/scim-validation-error';
import { PatchState } from './patch-state';

/**
 * Okta repeats the group's read-only `id` in its rename value (OKTA-REF "Update a specific Group
 * name"); the same id is a no-op, another id is an attempt to change a readOnly attribute
 * (RFC 7643 §3.1: id is readOnly).
 */
export function assertUnchangedId(state: PatchState, raw: unknown): void {
  if (typeof raw === 'string' && state.id !== undefined && raw === state.id) return;
  throw mutability('id is readOnly and cannot be changed');
}
