// A PDF's first page as a PNG, rendered by poppler's pdftoppm (Debian's poppler-utils; `pnpm test`
// installs it as root on Debian: scripts/ensure-pdftoppm.mjs). Always into test-artifacts/; with
// SITECARE_DOC_SCREENSHOTS=1 also to the documentation's path (committed once; a normal run leaves the
// checkout unchanged).
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
export const PDFTOPPM = process.env.PDFTOPPM_PATH || '/usr/bin/pdftoppm';

/** Whether pdftoppm is installed (it is not an npm package: a machine without it cannot render). */
export function hasPdfToPpm(): boolean {
  try {
    accessSync(PDFTOPPM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Renders page 1 of `pdf` to `test-artifacts/<name>.png` (and `docs/<name>.png` when asked); the PNG's path. */
export async function pdfPageToPng(pdf: Buffer, name: string, resolution = 110): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const source = path.join(ARTIFACTS, `${name}.pdf`);
  await writeFile(source, pdf);
  const base = path.join(ARTIFACTS, name);
  await promisify(execFile)(PDFTOPPM, [
    '-png',
    '-r',
    String(resolution),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    source,
    base,
  ]);
  const file = `${base}.png`;
  if (process.env.SITECARE_DOC_SCREENSHOTS === '1') await copyFile(file, path.join(REPO_ROOT, 'docs', `${name}.png`));
  return file;
}
