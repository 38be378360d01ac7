import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sitecare' },
    redact: {
      // Secrets never reach the log, whatever a caller passes in.
      paths: ['password', '*.password', 'secret', '*.secret', 'token', '*.token', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
