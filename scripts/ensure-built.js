// Runs before `npm start`: builds when dist/ is missing or older than any source file, so a fresh clone
// needs only `npm ci && npm start`. Plain JavaScript because it must run before anything is compiled.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'dist', 'scripts', 'start-dev.js');
// The console (apps/console, .tsx) builds into dist/console; a missing one means a build that predates it.
const consoleIndex = join(root, 'dist', 'console', 'index.html');
const sourceDirs = ['apps', 'libs', 'migrations', 'scripts', 'bench'];

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|css)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builtAt = existsSync(marker) && existsSync(consoleIndex) ? Math.min(statSync(marker).mtimeMs, statSync(consoleIndex).mtimeMs) : 0;
const sourcesAt = Math.max(...sourceDirs.map((dir) => newestSource(join(root, dir))), statSync(join(root, 'tsconfig.json')).mtimeMs);
/** One build step with a line before it and a heartbeat while it runs, so a first start is never silent for minutes. */
function step(label, command, args) {
  const started = Date.now();
  console.log(`▸ ${label}…`);
  // spawnSync blocks this event loop, so the heartbeat is a shell loop beside the compiler.
  const heartbeat = spawn('sh', ['-c', `while sleep 20; do echo "  … still ${label.toLowerCase()}"; done`], { stdio: 'inherit' });
  const result = spawnSync(process.execPath, [require.resolve(command), ...args], { cwd: root, stdio: 'inherit' });
  heartbeat.kill();
  if (result.status !== 0) {
    console.error(`Provisio could not start: the build failed (${label.toLowerCase()}); the compiler's messages are above`);
    process.exit(1);
  }
  console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (builtAt < sourcesAt) {
  console.log('Building Provisio (dist/ is missing or older than the sources; the first build takes a minute or two)');
  step('Compiling TypeScript', 'typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  // The same two commands as `npm run build`.
  step('Resolving import aliases', 'tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json']);
}
