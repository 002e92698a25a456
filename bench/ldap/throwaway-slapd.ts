import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Entry } from 'ldapts';

const SLAPD = process.env.TEST_SLAPD ?? '/usr/sbin/slapd';
const execFileAsync = promisify(execFile);
const SUFFIX = 'dc=example,dc=org';

/**
 * A throwaway OpenLDAP server (Debian's slapd) for one test file or bench run: its own temp directory, mdb database,
 * slapd.conf and free loopback port; never the machine's own slapd. Loads ppolicy (with a default policy
 * that honours pwdAccountLockedTime) and argon2 (our password hashes), indexes what the connector searches
 * by, and keeps member values sorted as docs/connectors.md recommends for large groups.
 */
export class ThrowawaySlapd {
  readonly adminDn = `cn=admin,${SUFFIX}`;
  readonly adminPassword = 'admin-secret';
  readonly usersDn = `ou=people,${SUFFIX}`;
  readonly groupsDn = `ou=groups,${SUFFIX}`;
  private child?: ChildProcess;
  /** With TLS: the PEM of the throwaway CA that signed the server's certificate (for the name localhost). */
  caCertificate?: string;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    readonly tlsPort?: number,
  ) {}

  get url(): string {
    return `ldap://127.0.0.1:${this.port}`;
  }

  /** ldaps:// on the TLS port, by the name the certificate carries. */
  get tlsUrl(): string {
    return `ldaps://localhost:${this.tlsPort}`;
  }

  /** `tls`: also listen with ldaps:// and offer StartTLS, with a certificate from a CA made for this run. */
  static async start(options: { tls?: boolean } = {}): Promise<ThrowawaySlapd> {
    const dir = await mkdtemp(join(tmpdir(), 'provisio-slapd-'));
    const slapd = new ThrowawaySlapd(dir, await freePort(), options.tls ? await freePort() : undefined);
    await mkdir(join(dir, 'db'));
    if (options.tls) slapd.caCertificate = await makeCertificates(dir);
    await writeFile(join(dir, 'slapd.conf'), slapd.config());
    await slapd.resume();
    await slapd.seed();
    return slapd;
  }

  /** Starts the server again on the same port and data (after pause()). */
  async resume(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    const listen = [`${this.url}/`, ...(this.tlsPort ? [`ldaps://127.0.0.1:${this.tlsPort}/`] : [])].join(' ');
    const child = spawn(SLAPD, ['-f', join(this.dir, 'slapd.conf'), '-h', listen, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`slapd did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the server, keeping its data: the directory is "down". */
  async pause(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async stop(): Promise<void> {
    await this.pause();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** A users and a groups OU of their own, so each test's tenant writes into a subtree nobody else uses. */
  async subtrees(): Promise<{ usersDn: string; groupsDn: string }> {
    const tag = randomBytes(4).toString('hex');
    const usersDn = `ou=people-${tag},${SUFFIX}`;
    const groupsDn = `ou=groups-${tag},${SUFFIX}`;
    await this.admin(async (client) => {
      for (const dn of [usersDn, groupsDn]) await client.add(dn, { objectClass: 'organizationalUnit', ou: dn.split(',')[0].slice(3) });
    });
    return { usersDn, groupsDn };
  }

  /** An admin connection for checking entries with real searches; close it after use. */
  async admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ url: this.url, timeout: 5000 });
    await client.bind(this.adminDn, this.adminPassword);
    try {
      return await work(client);
    } finally {
      await client.unbind();
    }
  }

  async search(base: string, filter: string, attributes: string[] = ['*', 'entryUUID', 'pwdAccountLockedTime']): Promise<Entry[]> {
    return this.admin(async (client) => (await client.search(base, { scope: 'sub', filter, attributes })).searchEntries);
  }

  /** Whether a simple bind with this DN and password succeeds (a locked account's does not). */
  async canBind(dn: string, password: string): Promise<boolean> {
    const client = new Client({ url: this.url, timeout: 5000 });
    try {
      await client.bind(dn, password);
      return true;
    } catch {
      return false;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private config(): string {
    return [
      ...['core', 'cosine', 'inetorgperson', 'nis'].map((schema) => `include /etc/ldap/schema/${schema}.schema`),
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'moduleload ppolicy',
      'moduleload argon2',
      ...(this.tlsPort ? [
        `TLSCACertificateFile ${join(this.dir, 'ca.pem')}`,
        `TLSCertificateFile ${join(this.dir, 'server.pem')}`,
        `TLSCertificateKeyFile ${join(this.dir, 'server.key')}`,
      ] : []),
      `pidfile ${join(this.dir, 'slapd.pid')}`,
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "${this.adminDn}"`,
      `rootpw ${this.adminPassword}`,
      `directory ${join(this.dir, 'db')}`,
      'maxsize 1073741824',
      'index objectClass eq',
      'index entryUUID eq',
      'index uid,cn eq',
      'index member eq',
      'sortvals member',
      'overlay ppolicy',
      `ppolicy_default "cn=default,ou=policies,${SUFFIX}"`,
      '',
    ].join('\n');
  }

  private async seed(): Promise<void> {
    await this.admin(async (client) => {
      await client.add(SUFFIX, { objectClass: ['dcObject', 'organization'], o: 'Example', dc: 'example' });
      for (const ou of ['people', 'groups', 'policies']) await client.add(`ou=${ou},${SUFFIX}`, { objectClass: 'organizationalUnit', ou });
      await client.add(`cn=default,ou=policies,${SUFFIX}`, {
        objectClass: ['applicationProcess', 'pwdPolicy'], cn: 'default', pwdAttribute: 'userPassword', pwdLockout: 'TRUE',
      });
    });
  }
}

/** A CA and a server certificate for the name localhost (not the address) signed by it, valid for a day; returns the CA's PEM. */
async function makeCertificates(dir: string): Promise<string> {
  const openssl = (...args: string[]) => execFileAsync('openssl', args, { cwd: dir });
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Provisio test CA');
  await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  await openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext');
  return readFile(join(dir, 'ca.pem'), 'utf8');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}
