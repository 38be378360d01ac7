#!/usr/bin/env node
// Run by `pnpm test` before jest: the browser suites drive Debian's chromium (tests/support/browser.ts),
// never a downloaded browser. Chromium there: nothing to do. Missing on Debian as root: install the
// distribution's package. Anywhere else: one line saying what to install, and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const explicit = process.env.CHROMIUM_PATH;
const target = explicit || DEFAULT_PATH;

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const fail = (why) => {
  console.error(
    `ensure-chromium: ${why}; the browser tests need it: install Chromium (Debian/Ubuntu: \`apt-get install -y chromium\`) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
  process.exit(1);
};

if (executable(target)) process.exit(0);
// An explicit path is the user's choice: never install something else in its place.
if (explicit) fail(`CHROMIUM_PATH=${explicit} is not an executable file`);

// SITECARE_CHROMIUM_INSTALL=never: report instead of installing (also how the test exercises that branch).
const mayInstall = process.env.SITECARE_CHROMIUM_INSTALL !== 'never';
const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!mayInstall || !isRoot || !isDebian) {
  const why = !mayInstall
    ? 'installing is off (SITECARE_CHROMIUM_INSTALL=never)'
    : !isDebian
      ? 'not Debian'
      : 'not root';
  fail(`no Chromium at ${DEFAULT_PATH} (${why}, so not installing it)`);
}

console.log(`ensure-chromium: no Chromium at ${DEFAULT_PATH}; installing Debian's chromium package (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const run = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed (exit ${run.status ?? run.signal})`);
}
if (!executable(DEFAULT_PATH)) fail(`apt-get installed chromium but ${DEFAULT_PATH} is still missing`);
console.log(`ensure-chromium: installed ${DEFAULT_PATH}`);
