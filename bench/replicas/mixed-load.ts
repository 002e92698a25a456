import { ScimClient, TimedResponse } from '../http/scim-client';
import { runWorkers } from '../load/run-workers';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface MixedLoadOptions {
  users: number;
  groups: number;
  /** Members added to each group (then two removed again). */
  membersPerGroup: number;
  /** Clients in flight, spread over the APIs. */
  concurrency: number;
  maxSeconds: number;
  /** Prefix of every userName and displayName, unique per run. */
  prefix: string;
}

export interface MixedLoadResult {
  requests: number;
  /** "<method> <path> → <status>" of every unexpected answer. */
  errors: string[];
  elapsedMs: number;
}

/**
 * An IdP's mixed traffic spread round robin over several API replicas of one tenant: creates, PATCHes of users
 * (twice each), groups with members added and removed, then deletes of every fifth user (which also removes its
 * memberships) and of one group. A resource's own requests go one after another, to alternating replicas;
 * different resources run in parallel.
 */
export async function runMixedLoad(apis: ScimClient[], options: MixedLoadOptions): Promise<MixedLoadResult> {
  const started = Date.now();
  let requests = 0;
  const errors: string[] = [];
  const send = async (i: number, method: 'POST' | 'PATCH' | 'DELETE', path: string, expected: number, body?: unknown): Promise<TimedResponse> => {
    requests++;
    const response = await apis[i % apis.length].send(method, path, body);
    if (response.status !== expected) errors.push(`${method} ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    return response;
  };
  const patch = (...operations: object[]) => ({ schemas: [PATCH_OP], Operations: operations });
  const users: string[] = [];
  const groups: string[] = [];
  const { concurrency, maxSeconds, prefix } = options;

  await runWorkers(options.users, concurrency, maxSeconds, async (i) => {
    const userName = `${prefix}.user${i}@replicas.example`;
    const created = await send(i, 'POST', '/Users', 201, {
      schemas: [USER_SCHEMA], userName, externalId: `${prefix}-ext-${i}`, active: true,
      name: { givenName: 'Replica', familyName: `User ${i}` }, emails: [{ value: userName, type: 'work', primary: true }],
    });
    users[i] = (created.body as { id: string }).id;
  });
  await runWorkers(options.groups, concurrency, maxSeconds, async (g) => {
    const created = await send(g, 'POST', '/Groups', 201, { schemas: [GROUP_SCHEMA], displayName: `${prefix} group ${g}`, members: [] });
    groups[g] = (created.body as { id: string }).id;
  });

  // Users are patched while groups gain and lose members: one task list, run in parallel.
  const tasks: ((i: number) => Promise<void>)[] = [
    ...users.map((id, u) => async (i: number) => {
      await send(i, 'PATCH', `/Users/${id}`, 200, patch({ op: 'replace', path: 'title', value: `step 1 of ${u}` }));
      await send(i + 1, 'PATCH', `/Users/${id}`, 200, patch({ op: 'replace', value: { title: `step 2 of ${u}`, active: u % 7 !== 0 } }));
    }),
    ...groups.map((id, g) => async (i: number) => {
      const members = Array.from({ length: Math.min(options.membersPerGroup, users.length) }, (_, m) => users[(g * 3 + m) % users.length]);
      await send(i, 'PATCH', `/Groups/${id}`, 204, patch({ op: 'add', path: 'members', value: members.map((value) => ({ value })) }));
      for (const removed of members.slice(0, 2)) {
        await send(i + 1, 'PATCH', `/Groups/${id}`, 204, patch({ op: 'remove', path: `members[value eq "${removed}"]` }));
      }
    }),
  ];
  await runWorkers(tasks.length, concurrency, maxSeconds, (i) => tasks[i](i));

  const deletes = [...users.filter((_, u) => u % 5 === 0).map((id) => `/Users/${id}`), ...(groups.length > 1 ? [`/Groups/${groups[0]}`] : [])];
  await runWorkers(deletes.length, concurrency, maxSeconds, async (i) => {
    await send(i, 'DELETE', deletes[i], 204);
  });
  return { requests, errors, elapsedMs: Date.now() - started };
}
