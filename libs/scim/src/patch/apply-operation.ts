import { ResourceTypeName, SchemaDefinition } from '../schema';
import { findExtension, resolveAttributeName } from '../resource-model/attribute-ref';
import { attributeEntries } from '../resource-model/attribute-entries';
import { isJsonObject } from '../resource-model/json-value';
import { invalidValue, noTarget } from '../resource-model/scim-validation-error';
import { applyToTarget } from './apply-to-target';
import { PatchState } from './patch-state';
import { PatchOperation, PatchOpName } from './patch-operations';
import { resolvePatchTarget } from './resolve-patch-target';
import { assertUnchangedId } from './unchanged-id';

/** One operation of a PatchOp request, with or without `path` (RFC 7644 §3.5.2.1–3). */
export function applyOperation(resourceType: ResourceTypeName, state: PatchState, operation: PatchOperation): void {
  // RFC 7643 §3: `schemas` follows from the attributes present and is recomputed after the request;
  // clients that also patch it (adding the enterprise URN with its first attribute) lose nothing.
  if (operation.path?.toLowerCase() === 'schemas') return;
  const extension = operation.path === undefined ? undefined : findExtension(resourceType, operation.path);
  if (extension) return applyToExtension(resourceType, state, operation, extension);
  if (operation.path !== undefined) {
    applyToTarget(state, operation.op, resolvePatchTarget(resourceType, operation.path), operation.value);
    return;
  }
  // §3.5.2.2: "If 'path' is unspecified, the operation fails with 400 and scimType noTarget".
  if (operation.op === 'remove') throw noTarget('A remove operation needs a path');
  applyAttributes(resourceType, state, operation.op, operation.value);
}

function applyAttributes(resourceType: ResourceTypeName, state: PatchState, op: PatchOpName, value: unknown): void {
  if (!isJsonObject(value)) throw invalidValue(`An ${op} operation without path needs an object of attributes as value`);
  // Without path each key is a path of its own: `name.givenName` and
  // `urn:…:enterprise:2.0:User:manager` keys come from Entra (MS-KI), `id` from Okta's rename.
  for (const entry of attributeEntries(resourceType, value)) {
    if (entry.ref.attribute.name === 'id' && !entry.ref.subAttribute) {
      assertUnchangedId(state, entry.raw);
      continue;
    }
    applyToTarget(state, op, { ref: entry.ref, label: entry.key }, entry.raw);
  }
}

/**
 * The bare extension URN as path (`"path": "urn:…:enterprise:2.0:User"`), which other servers
 * accept: add and replace set the attributes of the value object as a path-less operation with the
 * URN key would (RFC 7644 §3.5.2.3: attributes not given are left unchanged); remove clears the
 * attributes the value names, or without a value the whole extension.
 */
function applyToExtension(resourceType: ResourceTypeName, state: PatchState, operation: PatchOperation, extension: SchemaDefinition): void {
  const { op, value } = operation;
  const label = operation.path!;
  if (op !== 'remove' && value !== null && value !== undefined) {
    if (!isJsonObject(value)) throw invalidValue(`${label}: the value must be an object of ${extension.name} attributes`);
    return applyAttributes(resourceType, state, op, { [extension.id]: value });
  }
  if (value !== null && value !== undefined && !isJsonObject(value)) throw invalidValue(`${label}: the value must be an object naming the attributes to remove`);
  const names = isJsonObject(value) ? Object.keys(value) : extension.attributes.map((attribute) => attribute.name);
  for (const name of names) {
    const ref = resolveAttributeName(resourceType, `${extension.id}:${name}`);
    if (ref) applyToTarget(state, 'remove', { ref, label: `${label}:${name}` }, undefined);
  }
}
