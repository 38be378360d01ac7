// What `pnpm test` does on a fresh machine before jest starts (scripts/ensure-chromium.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../support/sitecare-process';

const ensureChromium = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'ensure-chromium.mjs')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });

describe('scripts/ensure-chromium.mjs', () => {
  it('M24: accepts an executable CHROMIUM_PATH silently', () => {
    const run = ensureChromium({ CHROMIUM_PATH: process.execPath });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('M24: a CHROMIUM_PATH that does not exist fails with one line saying what to install, never a silent skip', () => {
    const run = ensureChromium({ CHROMIUM_PATH: '/nonexistent/chromium', SITECARE_CHROMIUM_INSTALL: 'never' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('CHROMIUM_PATH=/nonexistent/chromium');
    expect(lines[0]).toMatch(/install Chromium \(Debian\/Ubuntu: `apt-get install -y chromium`\)/);
  });
});
