import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/database';
import { ping } from './db/database';
import { registerAuth } from './platform/auth/auth-plugin';
import { createSessionStore } from './platform/auth/sessions';
import { createFileStorage, MAX_IMAGE_BYTES } from './platform/files/file-storage';
import { createAttachments } from './platform/files/attachments';
import { registerErrorHandler } from './platform/http/errors';
import { auditRoutes } from './modules/audit';
import { authRoutes, createAuthService } from './modules/auth';
import { createDivisionService, divisionRoutes } from './modules/divisions';
import { createProgressService, progressRoutes } from './modules/plan';
import { publicRoutes } from './modules/public';
import { createStationService, stationRoutes } from './modules/stations';
import { coverageRoutes, createCoverageService } from './modules/stations/coverage';
import { createUserService, userRoutes } from './modules/users';
import { createPayrollService, createTrainingService, createWorkerService, payrollRoutes, workerRoutes } from './modules/workers';
import { contractRoutes, createContractService, createStationContractLookup } from './modules/contracts';
import { createOrganisationService, organisationRoutes } from './modules/organisations';
import { createProcurementService, createPurchasePlanService, purchasingRoutes } from './modules/purchasing';

// Chinese messages for every built-in zod rule (our own rules carry their own Chinese text).
z.config(z.locales.zhCN());

export interface AppOptions {
  db: Db;
  dataDir: string;
  webDist?: string;
  cookieSecure?: boolean;
  logger?: FastifyServerOptions['logger'];
}

/** The composition root: platform first, then each module, explicitly (DESIGN §2). */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: true, requestIdHeader: 'x-request-id' });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // JSON and multipart only: anything else is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Offices often reach the server by plain HTTP on an intranet address; upgrading would break them.
        upgradeInsecureRequests: opts.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: '社工站综合管理平台 API', version: '1.0.0', description: 'shegong — 濮阳市乡镇（街道）社会工作服务站综合管理平台' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const sessions = createSessionStore(opts.db);
  const storage = createFileStorage(opts.dataDir);
  const attachments = createAttachments(opts.db, storage);
  const workerService = createWorkerService(opts.db, attachments);
  registerAuth(app, sessions, workerService.stationsToday);

  const divisions = await createDivisionService(opts.db);
  const stationContracts = createStationContractLookup(opts.db);
  const stationService = createStationService(opts.db, divisions, storage, stationContracts, workerService.residentsToday);
  const organisationService = createOrganisationService(opts.db, divisions, attachments);
  const procurementService = createProcurementService(opts.db, divisions);

  app.get('/api/health', { config: { access: { public: true } }, schema: { tags: ['系统'], summary: '健康检查' } }, async () => ({ status: 'ok', db: await ping(opts.db) }));
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  divisionRoutes(app, divisions);
  authRoutes(app, createAuthService(opts.db, sessions, divisions), { cookieSecure: !!opts.cookieSecure });
  userRoutes(app, createUserService(opts.db, divisions, sessions, organisationService));
  stationRoutes(app, stationService, opts.db);
  coverageRoutes(app, createCoverageService(opts.db, divisions, stationService));
  progressRoutes(app, createProgressService(opts.db, divisions), divisions, opts.db);
  organisationRoutes(app, organisationService, opts.db, attachments);
  purchasingRoutes(app, createPurchasePlanService(opts.db, divisions), procurementService);
  contractRoutes(app, createContractService(opts.db, divisions, procurementService, attachments), { db: opts.db, divisions, lookup: stationContracts, attachments });
  workerRoutes(app, workerService, createTrainingService(opts.db, attachments), opts.db, divisions, attachments);
  payrollRoutes(app, createPayrollService(opts.db));
  auditRoutes(app, opts.db);
  publicRoutes(app, opts.db, divisions);

  const hasWeb = !!opts.webDist && existsSync(path.join(opts.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: opts.webDist!, wildcard: false });
  // Client-side routes get the app shell; unknown API paths keep their JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    }
    return reply.sendFile('index.html');
  });
  return app;
}
