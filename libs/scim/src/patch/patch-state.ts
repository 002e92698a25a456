import { JsonObject } from '../resource-model/json-value';
import { MembershipChange } from './membership-change';

/** The working copy one PATCH request mutates; the caller's resource is never touched. */
export interface PatchState {
  resource: JsonObject;
  /** The resource id, for Okta's rename that repeats it in the value (Okta SCIM 2.0 reference, "Update a specific Group name"). */
  id?: string;
  password?: string;
  memberChanges: MembershipChange[];
}
