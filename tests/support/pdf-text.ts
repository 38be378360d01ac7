// The text of a PDF, extracted by unpdf (PDF.js, Mozilla's parser, packaged for Node). unpdf is an ES
// module with dynamic imports, which jest's CommonJS runtime cannot load: it runs in a Node process of
// its own, as the PDF's reader would.
import { execFile } from 'node:child_process';
import path from 'node:path';

const SCRIPT = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const meta = await getMeta(pdf);
  process.stdout.write(JSON.stringify({ text, pages: totalPages, info: meta.info, metadata: !meta.metadata ? null : typeof meta.metadata[Symbol.iterator] === 'function' ? Object.fromEntries(meta.metadata) : typeof meta.metadata.getAll === 'function' ? meta.metadata.getAll() : null }));
});
`;

export interface PdfContent {
  /** The text of every page, with runs of white space (including no-break spaces) as one space. */
  text: string;
  pages: number;
  info: Record<string, unknown>;
  metadata: Record<string, unknown> | null;
}

export function pdfText(pdf: Buffer): Promise<PdfContent> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: path.resolve(__dirname, '..'), maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const parsed = JSON.parse(stdout) as PdfContent;
        resolve({ ...parsed, text: parsed.text.replace(/[\s\u00a0\u202f]+/g, ' ') });
      },
    );
    child.stdin!.end(pdf);
  });
}
