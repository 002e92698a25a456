// Runs before `npm start`: builds when dist/ is missing or older than any source file, so a fresh clone
// needs only `npm ci && npm start`. Plain JavaScript because it must run before anything is compiled.
const { execSync } = require('node:child_process');
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
if (builtAt < sourcesAt) {
  console.log('Building Provisio (dist/ is missing or out of date)…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
