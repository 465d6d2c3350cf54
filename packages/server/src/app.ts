import { randomUUID } from 'node:crypto';
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
import rateLimit from '@fastify/rate-limit';
import type { Db } from './db/database';
import { ping } from './db/database';
import { createAuditLog } from './platform/audit/audit-log';
import { registerAuth } from './platform/auth/auth-plugin';
import { createSessionStore } from './platform/auth/sessions';
import { systemClock, type Clock } from './platform/clock';
import { createFileStorage, MAX_IMAGE_BYTES } from './platform/files/file-storage';
import { createAttachments } from './platform/files/attachments';
import { frameworkError, registerErrorHandler } from './platform/http/errors';
import { registerTextGuard } from './platform/http/text-guard';
import { registerServiceModules } from './app-services';
import { registerReportModules } from './app-reports';
import { registerEvaluationModules } from './app-evaluation';
import { createEvaluatorReach, createRoundYears } from './modules/evaluation';
import { auditRoutes, createAuditNames } from './modules/audit';
import { createDeskService, deskRoutes } from './modules/desk';
import { authRoutes, createAuthService } from './modules/auth';
import { createDivisionService, divisionRoutes } from './modules/divisions';
import { createProgressService, progressRoutes } from './modules/plan';
import { createPublicDirectory, publicRoutes } from './modules/public';
import {
  coverageRoutes,
  createCoverageService,
  createStationDesk,
  createStationLookup,
  createStationService,
  stationRoutes,
} from './modules/stations';
import { createUserLookup, createUserService, userRoutes, usersRepository } from './modules/users';
import {
  beneficiaryIoRoutes,
  beneficiaryRoutes,
  createBeneficiaryExport,
  createBeneficiaryImport,
  createBeneficiaryService,
} from './modules/beneficiaries';
import {
  createPayrollImport,
  createPayrollService,
  createRosterImport,
  createStaffOverview,
  createTrainingService,
  createWorkerDesk,
  createWorkerLookup,
  createWorkerService,
  payrollRoutes,
  trainingRoutes,
  workerRoutes,
} from './modules/workers';
import {
  contractRoutes,
  createComplianceReport,
  createContractDesk,
  createContractLookup,
  createContractService,
} from './modules/contracts';
import { createOrganisationLookup, createOrganisationService, organisationRoutes } from './modules/organisations';
import {
  createProcurementLookup,
  createProcurementService,
  createPurchasePlanService,
  purchasingRoutes,
} from './modules/purchasing';

const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), db: z.boolean() });

// Chinese messages for every built-in zod rule (our own rules carry their own Chinese text).
z.config(z.locales.zhCN());

export interface AppOptions {
  db: Db;
  dataDir: string;
  webDist?: string;
  cookieSecure?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Whom to believe about the client address (`TRUST_PROXY`); nobody by default, so X-Forwarded-For cannot forge it. */
  trustProxy?: boolean | number | string[];
  /** "Today" for every rule; tests pin it, production uses the system clock. */
  clock?: Clock;
}

/** Trust exactly `n` proxies in front of the server (X-Forwarded-For entries, nearest first). */
const hops = (n: number) => (_addr: string, i: number) => i < n;

/** The composition root: platform first, then each module, explicitly (DESIGN §2). */
export async function buildApp(opts: AppOptions) {
  const clock = opts.clock ?? systemClock;
  const db = opts.db;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: typeof opts.trustProxy === 'number' ? hops(opts.trustProxy) : (opts.trustProxy ?? false),
    // A proxy's request id is kept only when it looks like one; anything else is replaced, never echoed or logged.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    frameworkErrors: frameworkError,
  });
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
  // Only routes that opt in (login) are limited, per client address as `trustProxy` decides it.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '社工站综合管理平台 API',
        version: '1.0.0',
        description: 'shegong — 濮阳市乡镇（街道）社会工作服务站综合管理平台',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Platform, then the lookups modules offer each other, then the services, each given its dependencies by name.
  const storage = createFileStorage(opts.dataDir);
  const attachments = createAttachments(db, storage);
  const divisions = await createDivisionService({ db });
  const stations = createStationLookup({ db });
  const organisations = createOrganisationLookup({ db });
  const contracts = createContractLookup({ db, clock, stations, organisations });
  const sessions = createSessionStore({ db, clock, findUser: usersRepository.preparedFindById(db) });
  const workerService = createWorkerService({ db, clock, divisions, attachments, contracts, stations, organisations });
  registerAuth(app, sessions, {
    workerStations: workerService.stationsToday,
    organisationStations: contracts.coveredStations,
    evaluatorReach: createEvaluatorReach({ db, stationIdsOf: contracts.stationIdsOf }),
  });
  // After the access check, so a caller without a session learns nothing from validation (401 before 400).
  registerTextGuard(app);

  const stationService = createStationService({
    db,
    clock,
    divisions,
    storage,
    attachments,
    contractsOf: contracts.stationContracts,
    residentsOf: workerService.residentsToday,
  });
  const organisationService = createOrganisationService({ db, clock, divisions, attachments });
  const procurementService = createProcurementService({
    db,
    clock,
    divisions,
    stations,
    organisations,
    contractsOf: contracts.byProcurement,
  });
  const contractService = createContractService({
    db,
    clock,
    divisions,
    procurements: createProcurementLookup({ db }),
    attachments,
    stations,
    organisations,
    roundYears: createRoundYears({ db }),
  });

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['系统'],
        summary: '健康检查（数据库不可用时 503）',
        response: { '2xx': healthResponse, 503: healthResponse },
      },
    },
    async (_req, reply) => {
      const ok = await ping(db).catch(() => false);
      if (!ok) reply.status(503);
      return { status: ok ? 'ok' : 'unavailable', db: ok };
    },
  );
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  divisionRoutes(app, divisions);
  authRoutes(app, createAuthService({ db, clock, sessions, divisions }), { cookieSecure: !!opts.cookieSecure });
  userRoutes(app, createUserService({ db, clock, divisions, sessions, orgs: organisationService, organisations }));
  stationRoutes(app, stationService);
  coverageRoutes(app, createCoverageService({ db, clock, divisions, stations: stationService }));
  const progressService = createProgressService({ db, clock, divisions, stations });
  progressRoutes(app, progressService);
  organisationRoutes(app, { service: organisationService, attachments });
  const planService = createPurchasePlanService({ db, clock, divisions, stations });
  purchasingRoutes(app, { plans: planService, procurements: procurementService });
  contractRoutes(app, {
    contracts: contractService,
    compliance: createComplianceReport({ db, clock, divisions, stations }),
    attachments,
  });
  const staffOverview = createStaffOverview({ db, clock, divisions, stations, contracts });
  workerRoutes(app, {
    workers: workerService,
    overview: staffOverview,
    rosterImport: createRosterImport({ db, clock, contracts, workers: workerService }),
    attachments,
  });
  const trainingService = createTrainingService({ db, clock, attachments, divisions });
  trainingRoutes(app, { trainings: trainingService, attachments });
  const payrollService = createPayrollService({ db, clock, stations, divisions, organisations });
  payrollRoutes(app, {
    payroll: payrollService,
    payrollImport: createPayrollImport({ db, clock, payroll: payrollService }),
  });
  const beneficiaryService = createBeneficiaryService({
    db,
    clock,
    divisions,
    stations,
    workers: createWorkerLookup({ db, clock }),
    users: createUserLookup({ db }),
  });
  beneficiaryRoutes(app, beneficiaryService);
  beneficiaryIoRoutes(app, {
    imports: createBeneficiaryImport({ db, clock, stations, divisions }),
    exportList: createBeneficiaryExport({ db, clock, divisions, stations, beneficiaries: beneficiaryService }),
  });
  // 服务: service records, cases, alerts, referrals, visits and statistics (R-SVC-2…5), composed in app-services.ts.
  const { visits } = registerServiceModules(app, {
    db,
    clock,
    divisions,
    stations,
    organisations,
    contracts,
    attachments,
    beneficiaryService,
  });
  // 报告: the calendar, reports, timeliness and 通报 (R-REP-1…4), composed in app-reports.ts.
  const reporting = registerReportModules(app, {
    db,
    clock,
    divisions,
    stations,
    organisations,
    contracts,
    attachments,
    visits,
  });
  // 督导评估: indicator sets, evaluation rounds deciding renewal, rectification (R-EVAL-1…4), in app-evaluation.ts.
  registerEvaluationModules(app, {
    ...{ db, clock, divisions, stations, organisations, contracts, attachments },
    figures: reporting.figures,
    contractTimeliness: reporting.contractTimeliness,
  });
  deskRoutes(
    app,
    createDeskService({
      clock,
      divisions,
      stations,
      stationDesk: createStationDesk({
        db,
        divisions,
        contractsOf: contracts.stationContracts,
        residentsOf: workerService.residentsToday,
      }),
      progress: progressService,
      overview: staffOverview,
      contracts: createContractDesk({ db, clock }),
      workers: createWorkerDesk({ db, clock }),
      workerService,
      plans: planService,
      trainings: trainingService,
      organisationNames: organisations.names,
      workerOf: async (userId) => (await usersRepository.findById(db, userId))?.workerId ?? null,
    }),
  );
  auditRoutes(app, { log: createAuditLog(db, createAuditNames(db)) });
  publicRoutes(app, { directory: createPublicDirectory({ stations, divisions }) });

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
