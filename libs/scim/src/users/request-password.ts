import { attributeEntries } from '../resource-model/attribute-entries';
import { coerceAttributeValue } from '../resource-model/coerce-value';
import { isJsonObject } from '../resource-model/json-value';
import { readPatchOperations } from '../patch/patch-operations';
import { resolvePatchTarget } from '../patch/resolve-patch-target';
import { validateResource } from '../validation/validate-resource';

/**
 * The password a PUT or PATCH body sets, read before the update's transaction so argon2 (tens of
 * milliseconds) never runs while the user's row is locked and a pooled connection is held. Any
 * problem with the body yields undefined: the update itself then reports it, and hashes in the
 * transaction only if the password it finds differs from this one (it never should).
 */
export function passwordInPut(body: unknown): string | undefined {
  try {
    return validateResource('User', body).password;
  } catch {
    return undefined;
  }
}

export function passwordInPatch(body: unknown): string | undefined {
  let password: string | undefined;
  try {
    for (const operation of readPatchOperations(body)) {
      if (operation.op === 'remove') continue;
      const entries = operation.path !== undefined
        ? [{ target: resolvePatchTarget('User', operation.path), raw: operation.value }]
        : isJsonObject(operation.value)
          ? attributeEntries('User', operation.value).map((entry) => ({ target: { ref: entry.ref, label: entry.key }, raw: entry.raw }))
          : [];
      for (const { target, raw } of entries) {
        const { attribute, subAttribute } = target.ref;
        if (attribute.mutability !== 'writeOnly' || subAttribute || 'filter' in target) continue;
        const value = coerceAttributeValue(attribute, raw, target.label);
        if (typeof value === 'string') password = value;
      }
    }
  } catch {
    return undefined;
  }
  return password;
}
