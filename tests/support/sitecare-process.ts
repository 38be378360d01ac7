// Runs the built server (server/dist/main.js) as a real child process, the way `pnpm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_JOB_TICK_SECONDS } from '../../server/src/testing/env';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MAIN_JS = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
/**
 * Node's on-disk compile cache for the server and CLI processes the suites start (a hundred or so
 * per run): they load the same built files each time, and reading compiled code back instead of
 * compiling it again saves about a fifth of each start. Keyed by file content, so a rebuild is safe.
 */
export const NODE_COMPILE_CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'node-compile-cache');

export interface SitecareProcess {
  child: ChildProcess;
  /** Base URL parsed from the "Dashboard" line of the start banner. */
  url: string;
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function runSitecare(env: Record<string, string>): {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'info',
      NODE_COMPILE_CACHE,
      SITECARE_JOB_TICK_SECONDS: String(TEST_JOB_TICK_SECONDS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function startSitecareProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<SitecareProcess> {
  const { child, output, exited } = runSitecare({ PORT: '0', ...env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started server behind a failed test
      reject(new Error(`not ready after ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const check = () => {
      const match = /Dashboard\s+(https?:\/\/\S+?)\/?\s*$/m.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output()}`));
    });
  });
  return {
    child,
    url,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
