import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, fieldLabel, type ErrorBody, type ErrorCode } from '@shegong/shared';

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

/** One handler maps every error to `{code, message, details}`; internals never reach the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fieldErrors = issuesToFieldErrors(err.validation as unknown as Issue[]);
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: summarise(fieldErrors), details: { fieldErrors } } satisfies ErrorBody);
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，超出允许的大小' } satisfies ErrorBody);
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型（Content-Type），请以 application/json 提交' } satisfies ErrorBody);
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP'))) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' } satisfies ErrorBody);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ code: 'VALIDATION_FAILED', message: '请求无效' } satisfies ErrorBody);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系管理员', requestId: req.id } satisfies ErrorBody);
  });
}
