// One structured logger (pino) for the process; requests get a child logger with their id.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'gateway-api' },
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers["x-bootstrap-token"]'],
  });
}
