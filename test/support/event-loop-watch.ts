/**
 * Measures how long the event loop is held between two turns while `run` goes on: a 1 ms timer
 * notes the CPU time the process spent since its previous tick. CPU time rather than wall time,
 * because the test machine may be shared: a busy neighbour delays our timer without our code doing
 * anything, but cannot add CPU time to our process. The API and the test client share the loop,
 * so the figure also counts the client's own work (an upper bound for the server's).
 */
export async function longestLoopTurn<T>(run: () => Promise<T>): Promise<{ result: T; cpuMs: number; wallMs: number }> {
  let cpuMs = 0;
  let wallMs = 0;
  let lastCpu = process.cpuUsage();
  let lastWall = performance.now();
  const timer = setInterval(() => {
    const { user, system } = process.cpuUsage(lastCpu);
    const now = performance.now();
    cpuMs = Math.max(cpuMs, (user + system) / 1000);
    wallMs = Math.max(wallMs, now - lastWall);
    lastCpu = process.cpuUsage();
    lastWall = now;
  }, 1);
  try {
    const result = await run();
    return { result, cpuMs, wallMs };
  } finally {
    clearInterval(timer);
  }
}
