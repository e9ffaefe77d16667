// `npm start` on a fresh clone: compile once, and again whenever a source file is newer than the build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = 'dist/main.js';
const inputs = Math.max(
  newestMtime('src'),
  statSync('package.json').mtimeMs,
  statSync('tsconfig.json').mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < inputs) {
  console.log('Building Offtrack Care…');
  execSync('npx nest build', { stdio: 'inherit' });
}
