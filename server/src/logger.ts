import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  // Synchronous stdout: a line logged before the ready banner is out before it (process supervisors
  // and tests read both in order).
  return pino(
    {
      level,
      base: { service: 'sitecare' },
      redact: {
        // Secrets never reach the log, whatever a caller passes in.
        paths: ['password', '*.password', 'secret', '*.secret', 'token', '*.token', 'req.headers.cookie'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
