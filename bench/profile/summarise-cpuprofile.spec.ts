import { afterStartUp, moduleOf, summarise } from './summarise-cpuprofile';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

/** root → pg query → (native) writev; root → (idle); root → our lib. Samples 1 ms apart unless given. */
function profile(samples: number[], timeDeltas = samples.map(() => 1000)) {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
      { id: 2, callFrame: frame('query', 'file:///app/node_modules/pg/lib/client.js'), children: [3] },
      { id: 3, callFrame: frame('writev') },
      { id: 4, callFrame: frame('(idle)') },
      { id: 5, callFrame: frame('record', 'file:///app/dist/libs/audit/src/writer/audit-writer.js') },
    ],
    samples,
    timeDeltas,
  };
}

describe('summarise-cpuprofile', () => {
  it('names modules by package, by lib of ours, or as Node itself', () => {
    expect(moduleOf('file:///app/node_modules/@nestjs/core/router.js', 'f')).toBe('@nestjs/core');
    expect(moduleOf('file:///app/dist/libs/scim/src/users/users.service.js', 'f')).toBe('libs/scim/users');
    expect(moduleOf('node:internal/streams/writable', 'f')).toBe('node:internal');
    expect(moduleOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('charges a native frame to the package that called it', () => {
    const text = summarise(profile([3, 3, 5, 4]), 10);
    expect(text).toContain('busy 3 ms, idle 1 ms');
    const charged = text.split('charged to the nearest package')[1].split('inclusive')[0];
    expect(charged).toMatch(/66\.7%\s+2 ms\s+pg/);
    expect(charged).toMatch(/33\.3%\s+1 ms\s+libs\/audit\/writer/);
  });

  it('skips start-up: everything before the first idle stretch long enough', () => {
    const p = profile([5, 5, 4, 4, 4, 3], [1000, 1000, 100_000, 100_000, 100_000, 1000]);
    expect(afterStartUp(p, 250).samples).toEqual([3]);
    expect(afterStartUp(p, 1000).samples).toEqual(p.samples); // no stretch that long: keep everything
    expect(afterStartUp(p, 0)).toBe(p);
  });
});
