import { readFileSync } from 'node:fs';

/**
 * Self time per function and per module from a V8 .cpuprofile (node --cpu-prof):
 *   node dist/bench/profile/summarise-cpuprofile.js <file.cpuprofile> [top] [skip-until-idle-ms]
 * Each sample is charged to the node that was on top of the stack; timeDeltas[i] is the time
 * before sample i, so a node's self time is the sum of the deltas of its samples.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Groups a script URL by what an engineer would change: a package, a lib of ours, or Node itself. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /dist\/((?:libs|apps)\/[^/]+)(?:\/src)?\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2].replace(/\.js$/, '')}`;
  return url.replace(/^file:\/\//, '');
}

function table(title: string, totals: Map<string, number>, all: number, top: number): string {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `\n${title}`,
    ...rows.map(([name, us]) => `${((us / all) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`),
  ].join('\n');
}

/** Time with a module anywhere on the stack: what a module costs including what it calls. */
function inclusiveByModule(profile: CpuProfile, byId: Map<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame;
      if (url) seen.add(moduleOf(url, functionName));
    }
    for (const module of seen) totals.set(module, (totals.get(module) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return totals;
}

/**
 * Drops the samples before the first idle stretch of at least `idleMs`: a server profiled from its start
 * boots (module loading, migrations), then idles until the bench connects. What follows is the load.
 */
export function afterStartUp(profile: CpuProfile, idleMs: number): CpuProfile {
  if (idleMs <= 0) return profile;
  const idleIds = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  let idleRun = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    idleRun = idleIds.has(profile.samples[i]) ? idleRun + (profile.timeDeltas[i] ?? 0) : 0;
    if (idleRun >= idleMs * 1000) {
      return { ...profile, samples: profile.samples.slice(i + 1), timeDeltas: profile.timeDeltas.slice(i + 1) };
    }
  }
  return profile;
}

/** A module an engineer can change: a package or a lib of ours, not Node's own code or native frames. */
const isUserland = (module: string): boolean => !module.startsWith('node:') && !module.startsWith('(');

/**
 * Self time with Node internals and native frames (writev, GC, ...) charged to the nearest package or lib
 * below them on the stack: which of our dependencies or libs the socket writes and parsing are done for.
 */
function selfByCaller(profile: CpuProfile, byId: Map<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    let owner = '(no package on the stack)';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = byId.get(at)!.callFrame;
      const module = moduleOf(url, functionName);
      if (url && isUserland(module)) {
        owner = module;
        break;
      }
    }
    totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return totals;
}

export function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    all += us;
    const name = `${functionName || '(anonymous)'} ${url ? `${moduleOf(url, functionName)}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
  }
  return [
    `busy ${(all / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms (percentages are of busy time)`,
    table('self time by module', byModule, all, top),
    table('self time by function', byFunction, all, top),
    table('self time charged to the nearest package or lib (Node internals and native frames go to their caller)', selfByCaller(profile, byId), all, top),
    table('inclusive time by module (module anywhere on the stack)', inclusiveByModule(profile, byId), all, top),
  ].join('\n');
}

if (require.main === module) {
  const [file, top = '30', skipUntilIdleMs = '0'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/profile/summarise-cpuprofile.js <file.cpuprofile> [top] [skip-until-idle-ms]');
    process.exit(1);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(summarise(afterStartUp(profile, Number(skipUntilIdleMs)), Number(top)));
}
