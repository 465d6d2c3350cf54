import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, fieldLabel, withClauses, type ErrorBody, type ErrorCode } from '@shegong/shared';
import { loggableError } from '../audit/redact';

/** A failure the user can act on: a code from the shared union and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);

/** Field errors in the shape the web forms read, with a message that names each field. */
export function fieldError(field: string, rule: string): AppError {
  return new AppError('VALIDATION_FAILED', `「${fieldLabel(field)}」${rule}`, { fieldErrors: { [field]: rule } });
}

/** A validation entry as fastify-type-provider-zod reports it (zod issue spread into `params`). */
interface Issue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

function issuesToFieldErrors(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const p = (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (i.keyword === 'unrecognized_keys' && i.params?.keys) {
      for (const k of i.params.keys) out[p ? `${p}.${k}` : k] = '不允许的字段';
      continue;
    }
    out[p || '_'] ??= i.message ?? '格式不正确';
  }
  return out;
}

export function summarise(fieldErrors: Record<string, string>): string {
  const parts = Object.entries(fieldErrors).map(([k, v]) => (k === '_' ? v : `「${fieldLabel(k)}」${v}`));
  return parts.length ? `输入有误：${parts.join('；')}` : '输入有误';
}

/** Errors Fastify raises before routing (a path parameter too long, a bad percent-encoding): Chinese, never echoed. */
export function frameworkError(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorBody = {
    code: 'VALIDATION_FAILED',
    message: tooLong ? '请求地址中的编号过长' : '请求地址格式不正确',
  };
  void reply.code(tooLong ? 414 : 400).send(body);
}

/** The SQLSTATE of a database error, wherever the driver or Drizzle put it. */
export function sqlState(e: unknown): string | undefined {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x.code;
  }
  return undefined;
}
export const isUniqueViolation = (e: unknown) => sqlState(e) === '23505';

/**
 * Whether a foreign-key violation refused removing a row that others still refer to, rather than a write naming a
 * row that does not exist. The failed statement (Drizzle keeps it on the error) decides; PostgreSQL's own wording is
 * the fallback. Primary keys never change, so an insert or update can only be the second kind.
 */
function refusedRemoval(e: unknown): boolean {
  for (
    let x = e as { query?: unknown; message?: unknown; detail?: unknown; cause?: unknown } | undefined, i = 0;
    x && i < 4;
    x = x.cause as typeof x, i++
  ) {
    if (typeof x.query === 'string' && /^\s*(insert|update)\b/i.test(x.query)) return false;
    if (typeof x.query === 'string' && /^\s*delete\b/i.test(x.query)) return true;
    if (/update or delete on table|is still referenced/i.test(`${String(x.message ?? '')} ${String(x.detail ?? '')}`))
      return true;
  }
  return false;
}

/** Whether the database could not be reached at all (connection refused or lost, server shutting down, PGlite closed). */
function databaseUnavailable(e: unknown): boolean {
  const state = sqlState(e);
  if (state?.startsWith('08') || state === '57P01' || state === '57P03') return true;
  for (
    let x = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
    x && i < 4;
    x = x.cause as typeof x, i++
  ) {
    if (
      x.code === 'ECONNREFUSED' ||
      /ECONNREFUSED|Connection terminated|PGlite is closed|Cannot use a pool after calling end/i.test(
        String(x.message ?? ''),
      )
    )
      return true;
  }
  return false;
}

/** One handler maps every error to `{code, message, details}`; internals never reach the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      // Messages name the plan's clause, never the internal requirement id (REQUIREMENTS.md).
      const fieldErrors =
        err.details?.fieldErrors &&
        Object.fromEntries(Object.entries(err.details.fieldErrors).map(([k, v]) => [k, withClauses(v)]));
      const details = err.details && { ...err.details, ...(fieldErrors ? { fieldErrors } : {}) };
      return reply
        .status(err.status)
        .send({ code: err.code, message: withClauses(err.message), details } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fieldErrors = issuesToFieldErrors(err.validation as unknown as Issue[]);
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: summarise(fieldErrors),
        details: { fieldErrors },
      } satisfies ErrorBody);
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply
        .status(413)
        .send({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，超出允许的大小' } satisfies ErrorBody);
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '不支持的内容类型（Content-Type），请以 application/json 提交',
      } satisfies ErrorBody);
    }
    if (
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (fe.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP'))
    ) {
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' } satisfies ErrorBody);
    }
    // A malformed multipart body (no boundary, cut short) is the client's: the upload is refused, nothing is stored.
    if (
      /^Multipart: |Unexpected end of (form|multipart)|Part terminated early|Malformed part header|boundary/i.test(
        String(fe.message),
      )
    ) {
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: '上传内容不是有效的 multipart/form-data 格式，请重新选择文件上传',
        details: { fieldErrors: { file: '上传内容格式不正确' } },
      } satisfies ErrorBody);
    }
    if (fe.statusCode === 429) {
      return reply
        .status(429)
        .send({ code: 'TOO_MANY_REQUESTS', message: fe.message || '请求过于频繁，请稍后再试' } satisfies ErrorBody);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ code: 'VALIDATION_FAILED', message: '请求无效' } satisfies ErrorBody);
    }
    // A race the service's own check could not see (two identical creates at once): the database's unique index decides.
    const state = sqlState(err);
    if (state === '23505') {
      return reply
        .status(409)
        .send({ code: 'DUPLICATE', message: '记录已存在：同样的内容刚刚已被登记，请刷新后查看' } satisfies ErrorBody);
    }
    // A foreign key refused the write (docs/adr/0005-foreign-keys.md): the service's own check missed a reference that
    // does not exist (400), or something still refers to the row being removed (409). Never a 500.
    if (state === '23503') {
      req.log.warn({ err: loggableError(err) }, 'reference refused by a foreign key');
      return refusedRemoval(err)
        ? reply.status(409).send({
            code: 'STILL_REFERENCED',
            message: '该记录仍被其他记录引用，不能删除；不再使用的记录请归档',
          } satisfies ErrorBody)
        : reply.status(400).send({
            code: 'VALIDATION_FAILED',
            message: '输入有误：引用的记录不存在（编号有误或已被删除），请刷新后重新选择',
          } satisfies ErrorBody);
    }
    // Data the database refuses (an impossible date, a number out of range) is the request's fault, not the server's.
    if (state?.startsWith('22')) {
      req.log.warn({ err: loggableError(err) }, 'data refused by the database');
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: '输入有误：包含数据库无法保存的值（如不存在的日期或超出范围的数字）',
      } satisfies ErrorBody);
    }
    if (databaseUnavailable(err)) {
      req.log.error({ err: loggableError(err) }, 'database unavailable');
      return reply.status(503).send({
        code: 'SERVICE_UNAVAILABLE',
        message: '数据库暂时无法连接，请稍后重试',
        requestId: req.id,
      } satisfies ErrorBody);
    }
    req.log.error({ err: loggableError(err) }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL',
      message: '服务器内部错误，请稍后重试或联系管理员',
      requestId: req.id,
    } satisfies ErrorBody);
  });
}
