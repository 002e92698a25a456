import { ConnectorProtocolError, LocalResource, RemoteMember, UserStoreConnector } from '../connector';
import { LIST_RESPONSE, PATCH_OP, quoted, remoteGroup, remoteUser } from './scim-payloads';
import { ScimPushClient } from './scim-push-client';

/** Provisions into another SCIM 2.0 service provider (RFC 7644), as Entra or Okta provision into us. */
export class ScimPushConnector implements UserStoreConnector {
  constructor(private readonly scim: ScimPushClient) {}

  async createUser(user: LocalResource): Promise<string> {
    const created = await this.scim.send('POST', '/Users', remoteUser(user), [409]);
    if (created.status !== 409) return remoteIdOf(created.body);
    // RFC 7644 §3.3: 409 uniqueness — the store has this userName already (created by an earlier try of ours,
    // or before the connector existed). Link to it and make it match.
    const existing = await this.findOne('/Users', `userName eq ${quoted(user.userName)}`);
    if (!existing) throw new ConnectorProtocolError(`Store answered 409 for userName ${String(user.userName)} but has no such user`);
    await this.scim.send('PUT', `/Users/${encodeURIComponent(existing)}`, remoteUser(user));
    return existing;
  }

  async updateUser(remoteId: string, user: LocalResource): Promise<string> {
    const replaced = await this.scim.send('PUT', `/Users/${encodeURIComponent(remoteId)}`, remoteUser(user), [404]);
    return replaced.status === 404 ? this.createUser(user) : remoteId;
  }

  async deactivateUser(remoteId: string): Promise<boolean> {
    const patched = await this.scim.send('PATCH', `/Users/${encodeURIComponent(remoteId)}`, {
      schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }],
    }, [404]);
    return patched.status !== 404;
  }

  async deleteUser(remoteId: string): Promise<void> {
    await this.scim.send('DELETE', `/Users/${encodeURIComponent(remoteId)}`, undefined, [404]);
  }

  async createGroup(group: LocalResource): Promise<string> {
    const created = await this.scim.send('POST', '/Groups', remoteGroup(group), [409]);
    if (created.status !== 409) return remoteIdOf(created.body);
    const existing = await this.findOne('/Groups', `displayName eq ${quoted(group.displayName)}`);
    if (!existing) throw new ConnectorProtocolError(`Store answered 409 for group ${String(group.displayName)} but has no such group`);
    await this.scim.send('PATCH', `/Groups/${encodeURIComponent(existing)}`, renameGroup(group));
    return existing;
  }

  /** PATCH, not PUT: a PUT without members would empty the group in the store. */
  async updateGroup(remoteId: string, group: LocalResource): Promise<string> {
    const patched = await this.scim.send('PATCH', `/Groups/${encodeURIComponent(remoteId)}`, renameGroup(group), [404]);
    return patched.status === 404 ? this.createGroup(group) : remoteId;
  }

  async deleteGroup(remoteId: string): Promise<void> {
    await this.scim.send('DELETE', `/Groups/${encodeURIComponent(remoteId)}`, undefined, [404]);
  }

  async addMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void> {
    if (members.length === 0) return;
    await this.scim.send('PATCH', `/Groups/${encodeURIComponent(groupRemoteId)}`, {
      schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members.map((m) => ({ value: m.value, type: m.type })) }],
    });
  }

  /** One remove per member with a value filter (RFC 7644 §3.5.2.2), the form Entra uses and stores accept most. */
  async removeMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void> {
    if (members.length === 0) return;
    await this.scim.send('PATCH', `/Groups/${encodeURIComponent(groupRemoteId)}`, {
      schemas: [PATCH_OP], Operations: members.map((m) => ({ op: 'remove', path: `members[value eq ${quoted(m.value)}]` })),
    });
  }

  async listMembers(groupRemoteId: string): Promise<RemoteMember[]> {
    const group = await this.scim.send('GET', `/Groups/${encodeURIComponent(groupRemoteId)}?attributes=members`);
    const members = (group.body?.members ?? []) as { value: string; type?: string }[];
    return members.map((m) => ({ value: m.value, type: m.type === 'Group' ? 'Group' : 'User' }));
  }

  private async findOne(path: string, filter: string): Promise<string | undefined> {
    const found = await this.scim.send('GET', `${path}?filter=${encodeURIComponent(filter)}&count=2`);
    const body = found.body as { schemas?: string[]; Resources?: { id: string }[] } | null;
    if (body?.schemas && !body.schemas.includes(LIST_RESPONSE)) return undefined;
    return body?.Resources?.[0]?.id;
  }
}

function renameGroup(group: LocalResource): object {
  const { displayName, externalId } = remoteGroup(group);
  return { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName, externalId } }] };
}

function remoteIdOf(body: Record<string, unknown> | null): string {
  const id = body?.id;
  if (typeof id !== 'string' || !id) throw new ConnectorProtocolError('Store created the resource but returned no id');
  return id;
}
