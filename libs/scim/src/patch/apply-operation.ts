import { ResourceTypeName } from '../schema';
import { attributeEntries } from '../resource-model/attribute-entries';
import { isJsonObject } from '../resource-model/json-value';
import { invalidValue, noTarget } from '../resource-model/scim-validation-error';
import { applyToTarget } from './apply-to-target';
import { PatchState } from './patch-state';
import { PatchOperation } from './patch-operations';
import { resolvePatchTarget } from './resolve-patch-target';
import { assertUnchangedId } from './unchanged-id';

/** One operation of a PatchOp request, with or without `path` (RFC 7644 §3.5.2.1–3). */
export function applyOperation(resourceType: ResourceTypeName, state: PatchState, operation: PatchOperation): void {
  // RFC 7643 §3: `schemas` follows from the attributes present and is recomputed after the request;
  // clients that also patch it (adding the enterprise URN with its first attribute) lose nothing.
  if (operation.path?.toLowerCase() === 'schemas') return;
  if (operation.path !== undefined) {
    applyToTarget(state, operation.op, resolvePatchTarget(resourceType, operation.path), operation.value);
    return;
  }
  // §3.5.2.2: "If 'path' is unspecified, the operation fails with 400 and scimType noTarget".
  if (operation.op === 'remove') throw noTarget('A remove operation needs a path');
  const value = operation.value;
  if (!isJsonObject(value)) throw invalidValue(`An ${operation.op} operation without path needs an object of attributes as value`);
  // Without path each key is a path of its own: `name.givenName` and
  // `urn:…:enterprise:2.0:User:manager` keys come from Entra (MS-KI), `id` from Okta's rename.
  for (const entry of attributeEntries(resourceType, value)) {
    if (entry.ref.attribute.name === 'id' && !entry.ref.subAttribute) {
      assertUnchangedId(state, entry.raw);
      continue;
    }
    applyToTarget(state, operation.op, { ref: entry.ref, label: entry.key }, entry.raw);
  }
}
