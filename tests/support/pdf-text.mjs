// The text of a PDF read from stdin, printed to stdout (unpdf, PDF.js's serverless build). A script of
// its own because PDF.js loads itself with a dynamic import, which Jest's CommonJS sandbox refuses:
// tests call it as a child process (pdfText in pdf.ts).
import { extractText, getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(doc, { mergePages: true });
process.stdout.write(text);
