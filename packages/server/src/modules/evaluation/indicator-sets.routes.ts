import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createIndicatorSetSchema,
  indicatorSetPageSchema,
  indicatorSetQuerySchema,
  indicatorSetViewSchema,
  updateIndicatorSetSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { IndicatorSetService } from './indicator-sets.service';

const params = z.strictObject({ setId: z.uuid('指标体系编号格式不正确') });
const url = '/api/v1/indicator-sets/:setId';

/** 评估指标体系 (R-EVAL-2): everyone evaluated or evaluating reads them; the city keeps them. */
export function indicatorSetRoutes(app: FastifyInstance, d: { service: IndicatorSetService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  const read = { access: { permission: 'evaluations:read' as const } };
  const configure = { access: { permission: 'evaluations:configure' as const } };
  const { service } = d;

  r.get(
    '/api/v1/indicator-sets',
    {
      config: read,
      schema: {
        tags,
        summary: '评估指标体系列表（最新的体系和版本在前；可按状态筛选）',
        description: '县（区）和承接机构也可查看：被评估方应知道按什么评分。平台提供的示例标记为示例。',
        querystring: indicatorSetQuerySchema,
        response: { 200: indicatorSetPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/indicator-sets',
    {
      config: configure,
      schema: {
        tags,
        summary: '新建指标体系（草稿），或在已有版本基础上新建版本（basedOn，复制该版本）',
        description:
          '一级 → 二级 → 三级指标的分值须逐级相加一致，等次从高到低、最低为 0 分，合格线为某一等次的下限，中期与末期权重合计 100。同一体系同时只能有一个草稿。仅市级民政部门。',
        body: createIndicatorSetSchema,
        response: { 201: indicatorSetViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(requestContext(req), req.body)),
  );
  r.get(
    url,
    {
      config: read,
      schema: {
        tags,
        summary: '指标体系详情：指标树、等次、合格线、年度结果的计算规则，以及使用该版本的评估次数',
        params,
        response: { 200: indicatorSetViewSchema },
      },
    },
    (req) => service.get(requestContext(req), req.params.setId),
  );
  r.patch(
    url,
    {
      config: configure,
      schema: {
        tags,
        summary: '修改草稿，或启用（adopt: true）：启用后冻结，同一体系此前使用中的版本停用',
        description:
          '已启用、已停用或已用于评估的版本不能修改（INDICATOR_SET_FROZEN），请新建版本（《实施方案》六（六））。version 为读取时的版本号。',
        params,
        body: updateIndicatorSetSchema,
        response: { 200: indicatorSetViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.setId, req.body),
  );
}
