// Rate limits: strict on log-in (password guessing), generous on public reads (scraping), none on
// authenticated writes (each is a signed, accountable ledger transaction). Answers 429 in the
// API's error shape.
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

function limiter(perMinute: number, code: string, skip?: (req: Request) => boolean): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(skip ? { skip } : {}),
    handler: (_req, res) => {
      res.status(429).json({ code, message: 'too many requests; try again in a minute', details: {} });
    },
  });
}

export const loginRateLimit = (perMinute: number): RequestHandler => limiter(perMinute, 'TOO_MANY_LOGIN_ATTEMPTS');

/** Applies to anonymous callers only. */
export const publicRateLimit = (perMinute: number): RequestHandler =>
  limiter(
    perMinute,
    'TOO_MANY_REQUESTS',
    (req) => req.headers.authorization !== undefined || req.headers['x-api-key'] !== undefined,
  );
