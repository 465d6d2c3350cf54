import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditEventViewSchema,
  createStationSchema,
  findingSchema,
  itemsSchema,
  pagedSchema,
  stationQuerySchema,
  stationViewSchema,
  updateStationSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { StationService } from './stations.service';

const idParams = z.strictObject({ stationId: z.uuid('社工站编号格式不正确') });

export function stationRoutes(app: FastifyInstance, service: StationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['社工站'];
  const read = { access: { permission: 'stations:read' as const } };
  const write = { access: { permission: 'stations:write' as const } };

  r.get(
    '/api/v1/stations',
    {
      config: read,
      schema: {
        tags,
        summary: '社工站列表（按县（区）、状态、批次筛选，分页）',
        querystring: stationQuerySchema,
        response: { 200: pagedSchema(stationViewSchema) },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.get(
    '/api/v1/stations/export',
    {
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary: '导出社工站台账（.xlsx）',
        querystring: stationQuerySchema.omit({ page: true, pageSize: true }),
        response: { 200: fileResponse('社工站台账（.xlsx）') },
      },
    },
    async (req, reply) => {
      return sendXlsx(reply, await service.exportWorkbook(requestContext(req), req.query), '社工站台账.xlsx');
    },
  );
  r.post(
    '/api/v1/stations',
    {
      config: write,
      schema: {
        tags,
        summary: '登记社工站（每个乡镇（街道）一个）',
        body: createStationSchema,
        response: { 201: stationViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/stations/:stationId',
    {
      config: read,
      schema: { tags, summary: '社工站详情（含合规提示）', params: idParams, response: { 200: stationViewSchema } },
    },
    (req) => service.get(requireActor(req), req.params.stationId),
  );
  r.get(
    '/api/v1/stations/:stationId/findings',
    {
      config: read,
      schema: { tags, summary: '社工站合规提示', params: idParams, response: { 200: itemsSchema(findingSchema) } },
    },
    async (req) => ({
      items: (await service.get(requireActor(req), req.params.stationId)).findings,
    }),
  );
  r.get(
    '/api/v1/stations/:stationId/history',
    {
      config: read,
      schema: {
        tags,
        summary: '社工站变更历史（来自审计日志）',
        params: idParams,
        response: { 200: itemsSchema(auditEventViewSchema) },
      },
    },
    async (req) => ({
      items: await service.history(requireActor(req), req.params.stationId),
    }),
  );
  r.patch(
    '/api/v1/stations/:stationId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改社工站（带 version，过期版本返回 409）',
        params: idParams,
        body: updateStationSchema,
        response: { 200: stationViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.stationId, req.body),
  );
  r.post(
    '/api/v1/stations/:stationId/signage',
    {
      config: write,
      schema: {
        tags,
        summary: '上传标牌照片（multipart，JPEG/PNG/WebP，≤5 MB）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: stationViewSchema },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传图片文件');
      const part = await req.file();
      if (!part)
        throw new AppError('VALIDATION_FAILED', '「标牌照片」请选择要上传的图片', {
          fieldErrors: { file: '请选择图片' },
        });
      const bytes = await part.toBuffer();
      return service.uploadSignage(requestContext(req), req.params.stationId, {
        bytes,
        filename: part.filename || 'signage',
      });
    },
  );
  r.get(
    '/api/v1/stations/:stationId/signage',
    {
      config: read,
      schema: {
        tags,
        summary: '标牌照片（随社工站的查看范围）',
        params: idParams,
        response: { 200: fileResponse('标牌照片（JPEG/PNG/WebP）') },
      },
    },
    (req, reply) => service.sendSignage(reply, requireActor(req), req.params.stationId),
  );
}
