import { isJsonObject } from '../resource-model/json-value';
import { invalidPath, invalidSyntax } from '../resource-model/scim-validation-error';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: PatchOpName;
  path?: string;
  /** undefined when the operation has no `value` member (not the same as `"value": null`). */
  value?: unknown;
}

/**
 * Reads a PatchOp body (RFC 7644 §3.5.2). Member names and op names are case-insensitive: Entra
 * sends "Add", "Replace", "Remove" ("don't require a case-sensitive match on structural elements",
 * MS-TUT) and some clients "Operations" in other cases.
 */
export function readPatchOperations(body: unknown): PatchOperation[] {
  if (!isJsonObject(body)) throw invalidSyntax('The PATCH body must be a JSON object');
  const schemas = member(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())) {
    throw invalidSyntax(`schemas must contain ${PATCH_OP_SCHEMA}`);
  }
  const operations = member(body, 'operations');
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax('Operations must be a non-empty array');
  return operations.map((operation, index) => readOperation(operation, index));
}

function readOperation(raw: unknown, index: number): PatchOperation {
  if (!isJsonObject(raw)) throw invalidSyntax(`Operations[${index}] must be an object`);
  const op = member(raw, 'op');
  const name = typeof op === 'string' ? op.toLowerCase() : undefined;
  if (name !== 'add' && name !== 'remove' && name !== 'replace') {
    throw invalidSyntax(`Operations[${index}].op must be "add", "remove" or "replace"`);
  }
  const operation: PatchOperation = { op: name };
  const path = member(raw, 'path');
  // Some clients send "path": "" or null for "no path"; both mean the resource itself.
  if (typeof path === 'string' && path.trim() !== '') operation.path = path.trim();
  else if (path !== undefined && path !== null && path !== '') throw invalidPath(`Operations[${index}].path must be a string`);
  const valueKey = Object.keys(raw).find((key) => key.toLowerCase() === 'value');
  if (valueKey !== undefined) operation.value = raw[valueKey];
  return operation;
}

function member(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : object[key];
}
