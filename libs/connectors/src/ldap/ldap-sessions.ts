import { createHash } from 'node:crypto';
import { AddressPolicy } from '@provisio/outbound';
import { LdapSession } from './ldap-session';
import { LdapTarget } from './ldap-settings';

/** A directory connection unused this long is closed; the next sync opens a new one. */
const IDLE_MS = 60_000;

interface Pooled {
  session: LdapSession;
  fingerprint: string;
}

/**
 * One LDAP session per connector per worker, so syncs do not pay a connect and bind each. A changed
 * configuration (URL, bind DN, password, TLS) gets a new session; idle ones are closed.
 */
export class LdapSessions {
  private readonly sessions = new Map<string, Pooled>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly policy: AddressPolicy,
    private readonly timeoutMs: number,
  ) {
    this.timer = setInterval(() => void this.closeIdle(), IDLE_MS / 2);
    this.timer.unref();
  }

  session(key: string, target: LdapTarget): LdapSession {
    const fingerprint = createHash('sha256').update(JSON.stringify([target.url, target.bindDn, target.bindPassword, target.startTls, target.caCertificate])).digest('hex');
    const pooled = this.sessions.get(key);
    if (pooled && pooled.fingerprint === fingerprint) return pooled.session;
    void pooled?.session.close();
    const session = new LdapSession(target, this.policy, this.timeoutMs);
    this.sessions.set(key, { session, fingerprint });
    return session;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.timer);
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((p) => p.session.close()));
  }

  /** Only sessions nobody used for IDLE_MS: a long resync holds its session and keeps it busy. */
  private async closeIdle(): Promise<void> {
    const now = Date.now();
    for (const [key, pooled] of this.sessions) {
      if (pooled.session.idleMs(now) < IDLE_MS) continue;
      this.sessions.delete(key);
      await pooled.session.close();
    }
  }
}
