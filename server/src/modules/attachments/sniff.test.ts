// M12/S38: what may be attached is decided by the content, never by the name.
import { ATTACHMENT_LIMITS, cleanFilename, sniffAttachment } from './attachment.service';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { extensions?: { code?: string; field?: string } }) => `${e.extensions?.code}:${e.extensions?.field}`,
  );

// The type sniffing itself (file-type is an ES module, which jest's CommonJS runtime cannot import)
// is proven over HTTP against the built server: tests/api/ticket-attachments.test.ts.
describe('M12/S38: checks before sniffing', () => {
  it('S38: M12: size limit and empty files', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]);
    expect(await code(sniffAttachment(big, 'big.pdf'))).toBe('BAD_USER_INPUT:file');
    expect(await code(sniffAttachment(Buffer.alloc(0), 'empty.pdf'))).toBe('BAD_USER_INPUT:file');
  });

  it('S38: the stored name is a base name without control characters or path', () => {
    expect(cleanFilename('..\\..\\windows\\evil"\u0000name.pdf', 'application/pdf')).toBe('evilname.pdf');
    expect(cleanFilename('/etc/passwd', 'text/plain')).toBe('passwd');
    expect(cleanFilename('', 'image/png')).toBe('attachment.png');
  });
});
