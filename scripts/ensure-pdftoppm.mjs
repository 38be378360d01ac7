#!/usr/bin/env node
// Run by `pnpm test` before jest: the invoice PDF test renders a page to PNG with poppler's pdftoppm
// (tests/support/pdf-page.ts). There: nothing to do. Missing on Debian as root: install the
// distribution's poppler-utils. Anywhere else: say what to install; the test then skips only that step.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const target = process.env.PDFTOPPM_PATH || '/usr/bin/pdftoppm';
const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
if (executable(target)) process.exit(0);
const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (process.env.PDFTOPPM_PATH || !isRoot || !isDebian) {
  console.warn(
    `ensure-pdftoppm: no pdftoppm at ${target}; install poppler-utils (Debian/Ubuntu: \`apt-get install -y poppler-utils\`) ` +
      'for the invoice page PNG (the invoice test skips only that step without it).',
  );
  process.exit(0);
}
console.log("ensure-pdftoppm: installing Debian's poppler-utils (apt-get)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'poppler-utils'],
]) {
  const run = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) {
    console.warn(`ensure-pdftoppm: \`apt-get ${args.join(' ')}\` failed (exit ${run.status ?? run.signal})`);
    process.exit(0);
  }
}
console.log(`ensure-pdftoppm: ${executable(target) ? 'installed' : 'still missing:'} ${target}`);
