#!/usr/bin/env node
// Run by `pnpm test` (and so by .ci/run): fails when a runtime (production) dependency of any
// workspace package is under a strong copyleft or source-available licence: AGPL, GPL (LGPL
// included, unless allowed below), SSPL or BUSL. An SPDX `A OR B` passes when one choice is allowed.
// Exceptions go in ALLOWED with the reason; there are none today.
import { execFileSync } from 'node:child_process';

const FORBIDDEN = /\b(A?GPL|LGPL|SSPL|BUSL|BSL-1\.1)\b|Commons-Clause/i;
/** package name -> why its licence is acceptable here (e.g. LGPL used as an unmodified library). */
const ALLOWED = {};

const report = JSON.parse(
  execFileSync('pnpm', ['-r', 'licenses', 'list', '--prod', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
);
const acceptable = (expression) =>
  expression
    .replace(/^\((.*)\)$/, '$1')
    .split(/\s+OR\s+/i)
    .some((choice) => !FORBIDDEN.test(choice));

const offenders = Object.values(report)
  .flat()
  .filter((pkg) => !acceptable(pkg.license ?? 'Unknown') && !(pkg.name in ALLOWED));
if (offenders.length) {
  for (const pkg of offenders) console.error(`check-licenses: ${pkg.name}@${pkg.versions.join(',')} is ${pkg.license}`);
  console.error(
    'check-licenses: runtime dependencies under AGPL/GPL/SSPL/BUSL are not allowed (scripts/check-licenses.mjs)',
  );
  process.exit(1);
}
const count = Object.values(report).flat().length;
console.log(`check-licenses: ${count} runtime dependencies, none under AGPL/GPL/SSPL/BUSL`);
