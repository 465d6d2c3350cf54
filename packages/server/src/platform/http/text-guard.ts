import type { FastifyInstance } from 'fastify';
import { fieldLabel, findTextProblem, textProblem } from '@shegong/shared';
import { AppError } from './errors';

/** The one text rule (shared `textProblem`) as a 400 naming the field, for JSON bodies, query strings and file names. */
export function textError(field: string, problem: string): AppError {
  const label = field === '_' ? '提交的内容' : fieldLabel(field);
  return new AppError('VALIDATION_FAILED', `「${label}」${problem}`, { fieldErrors: { [field]: problem } });
}

/** Refuses a text (an upload's file name or label) that breaks the rule, before anything is stored. */
export function checkText(field: string, value: string): void {
  const problem = textProblem(value);
  if (problem) throw textError(field, problem);
}

/** Applies the rule to every request's JSON body, query string and path before validation (DESIGN §4). */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.isMultipart?.() ? null : req.body]) {
      const hit = findTextProblem(part);
      if (hit) throw textError(hit.path, hit.problem);
    }
  });
}
