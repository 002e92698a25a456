/** A SCIM-shaped resource as our server renders it (the event's `data.resource`, or a row of ours). */
export type LocalResource = Record<string, unknown> & { id: string };

export interface RemoteMember {
  /** The store's id of the member. */
  value: string;
  type: 'User' | 'Group';
}

/**
 * A downstream user store. Methods take and return the store's ids; the caller keeps the mapping between
 * ours and theirs (connector_id_map). Every method is idempotent enough to be retried after a failure:
 * creating what exists links to it, deleting what is gone succeeds.
 * Errors: throw ConnectorRequestError for an HTTP answer (its status decides whether a retry can help),
 * or let network errors from the outbound client through (always retried).
 */
export interface UserStoreConnector {
  /** Creates the user; if the store already has one with this userName, links to it and brings it up to date. */
  createUser(user: LocalResource): Promise<string>;
  /** Replaces the user's attributes; returns the store id, which changes if the store had lost the user. */
  updateUser(remoteId: string, user: LocalResource): Promise<string>;
  /** Returns false when the store no longer has the user (the caller then provisions it again, inactive). */
  deactivateUser(remoteId: string): Promise<boolean>;
  deleteUser(remoteId: string): Promise<void>;
  /** Creates the group without members (they follow as addMembers); links to an existing one of the same displayName. */
  createGroup(group: LocalResource): Promise<string>;
  /** Changes the group's own attributes (displayName, externalId), never its members. */
  updateGroup(remoteId: string, group: LocalResource): Promise<string>;
  deleteGroup(remoteId: string): Promise<void>;
  addMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void>;
  removeMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void>;
  /** The group's current member ids in the store (full resync compares them with ours). */
  listMembers(groupRemoteId: string): Promise<RemoteMember[]>;
}

/** An HTTP answer from the store that is not success; `status` and `retryAfter` decide whether to retry. */
export class ConnectorRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: string | string[],
  ) {
    super(message);
    this.name = 'ConnectorRequestError';
  }
}

/** The store answered in a way retrying cannot fix (a created resource without an id, a 409 with no match). */
export class ConnectorProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorProtocolError';
  }
}
