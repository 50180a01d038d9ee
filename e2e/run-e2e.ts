import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// `npm run test:e2e`: make sure Debian's Chromium is there, build the client, run the e2e project.
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() !== 0) {
    console.error('Chromium is missing: run `apt-get install -y chromium` as root.');
    process.exit(1);
  }
  console.log('Installing Debian chromium …');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  run('apt-get', ['install', '-y', 'chromium'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
}
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--project', 'e2e']);
