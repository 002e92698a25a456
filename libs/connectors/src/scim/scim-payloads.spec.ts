import { quoted, remoteGroup, remoteUser } from './scim-payloads';

describe('SCIM push payloads', () => {
  it('sends a user without server-set or secret attributes, with our id as externalId', () => {
    const body = remoteUser({
      id: 'ours-1', externalId: 'entra-guid', userName: 'bjensen@example.com', active: false, password: 'hunter2',
      meta: { version: 'W/"3"' }, groups: [{ value: 'g1' }],
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
    });
    expect(body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'ours-1', userName: 'bjensen@example.com', active: false,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
    });
  });

  it('sends a group without its members', () => {
    expect(remoteGroup({ id: 'g1', displayName: 'Ops', members: [{ value: 'u1' }], externalId: 'x' })).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Ops', externalId: 'g1',
    });
  });

  it('quotes filter values as JSON strings, so quotes and backslashes cannot break out', () => {
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(`userName eq ${quoted('x" or userName pr or "')}`).toBe('userName eq "x\\" or userName pr or \\""');
  });
});
