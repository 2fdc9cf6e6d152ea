// The Express application: security headers, request ids and structured logs, body limits, rate
// limits, the API's routes, the OpenAPI document and Swagger UI, and one error shape for all.
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import { ApiError } from './http/api-error.ts';
import { openApiDocument } from './http/openapi.ts';
import { loginRateLimit, publicRateLimit } from './http/rate-limits.ts';
import { mountRoutes, type RouteSpec } from './http/route.ts';
import { healthHandler } from './replica/health.ts';
import type { Services } from './services.ts';

export const API_BASE = '/api/v1';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function errorHandler() {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const bodyError = err as { type?: string; status?: number };
    let apiError: ApiError;
    if (err instanceof ApiError) apiError = err;
    else if (bodyError.type === 'entity.too.large')
      apiError = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
    else if (bodyError.type === 'entity.parse.failed')
      apiError = new ApiError(400, 'INVALID_JSON', 'the request body is not valid JSON');
    else if (typeof bodyError.status === 'number' && bodyError.status >= 400 && bodyError.status < 500)
      apiError = new ApiError(bodyError.status, 'BAD_REQUEST', 'the request could not be read');
    else apiError = new ApiError(500, 'INTERNAL', 'internal error');
    if (apiError.status >= 500) req.log.error({ err }, 'request failed');
    res.status(apiError.status).json(apiError.toBody());
  };
}

export function createApp(services: Services, routes: readonly RouteSpec[]): express.Express {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  app.use(helmet());
  // Request bodies are read by each route (http/route.ts): JSON, or a file where the route takes one.

  const baseUrl = `http://${config.GATEWAY_HOST}:${String(config.GATEWAY_PORT)}${API_BASE}`;
  const document = openApiDocument(routes, baseUrl);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Carbon registry API' }));

  // Outside the API base: operators' probes, not part of the versioned API.
  app.get('/health', healthHandler(services));

  app.use(`${API_BASE}/auth`, loginRateLimit(config.RATE_LIMIT_LOGIN_PER_MINUTE));
  app.use(API_BASE, publicRateLimit(config.RATE_LIMIT_PUBLIC_PER_MINUTE));
  const router = express.Router();
  mountRoutes(router, routes, services);
  app.use(API_BASE, router);

  app.use((req, _res, next) => {
    next(new ApiError(404, 'NOT_FOUND', `no route ${req.method} ${req.path}`));
  });
  app.use(errorHandler());
  return app;
}
