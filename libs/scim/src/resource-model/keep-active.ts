import { ResourceTypeName } from '../schema';
import { JsonObject } from './json-value';

/**
 * A User's `active` is never unassigned by an update: a PATCH `remove` (or a null or "" value) and
 * a PUT without it keep the current state. An unassigned `active` reads as true (a user created
 * without it is active), so clearing it would re-enable a disabled account: the one way an update
 * could fail open. RFC 7643 §4.1.1 gives `active` no default, so keeping the state is allowed.
 */
export function keepActive(resourceType: ResourceTypeName, next: JsonObject, current: JsonObject): void {
  if (resourceType === 'User' && next.active === undefined && typeof current.active === 'boolean') next.active = current.active;
}
