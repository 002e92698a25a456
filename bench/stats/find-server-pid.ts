import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { findPid } from './process-cpu';

/** Inodes of sockets listening on `port` (state 0A in /proc/net/tcp{,6}, ports in hex). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let raw = '';
    try {
      raw = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of raw.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '0A') continue;
      if (parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function pidOwningSocket(inodes: Set<string>): number | undefined {
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // fd closed while we looked
      }
    }
  }
  return undefined;
}

/**
 * The process serving `baseUrl`: the one listening on its port (several APIs may run on a shared
 * machine, so the command line alone is ambiguous), else the first whose command line has `needle`.
 */
export function findServerPid(baseUrl: string, needle: string): number | undefined {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return pidOwningSocket(listeningInodes(port)) ?? findPid(needle);
}
