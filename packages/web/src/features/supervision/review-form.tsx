import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { REVIEW_TARGET_LABELS, REVIEW_TARGETS, type ReviewTarget } from '@shegong/shared';
import { showFormError } from '../../lib/zod-rule';
import { useCases } from '../cases/cases.api';
import { useServiceRecords } from '../services/services.api';
import { useStations } from '../stations/stations.api';
import { useCreateSupervisionReview, useSupervisionSessions } from './supervision.api';

interface Values {
  stationId?: string;
  targetKind: ReviewTarget;
  targetId?: string;
  reviewerName?: string;
  comment?: string;
  sessionId?: string;
}

/**
 * 新增督导意见 (R-EVAL-4): the supervisor picks a case file or a service record of one of the contractor's stations
 * (the latest 50, newest first), writes the comment, and may tie it to a session held there. The worker whose work it
 * is answers it.
 */
export function ReviewForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateSupervisionReview();
  const stations = useStations({ page: 1, pageSize: 200 }, { enabled: open });
  const stationId = Form.useWatch('stationId', form);
  const kind: ReviewTarget = Form.useWatch('targetKind', form) ?? 'case';
  const stationOptions = stations.data?.items.map((s) => ({ value: s.id, label: s.name })) ?? [];

  // One station: take it.
  const only = stations.data?.items.length === 1 ? stations.data.items[0].id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('stationId')) form.setFieldValue('stationId', only);
  }, [only, form]);

  async function submit(v: Values) {
    try {
      await create.mutateAsync({
        targetKind: v.targetKind,
        targetId: v.targetId!,
        reviewerName: v.reviewerName!.trim(),
        comment: v.comment!.trim(),
        sessionId: v.sessionId ?? null,
      });
      message.success('督导意见已登记，等待社工回复');
      form.resetFields();
      onClose();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <Modal
      title="新增督导意见"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ targetKind: 'case' }}>
        <Form.Item label="社工站" name="stationId" rules={[{ required: true, message: '请选择社工站' }]}>
          <Select
            options={stationOptions}
            placeholder="选择本机构服务的社工站"
            onChange={() => form.setFieldsValue({ targetId: undefined, sessionId: undefined })}
          />
        </Form.Item>
        <Form.Item label="抽查对象" name="targetKind">
          <Radio.Group
            optionType="button"
            options={REVIEW_TARGETS.map((t) => ({ value: t, label: REVIEW_TARGET_LABELS[t] }))}
            onChange={() => form.setFieldValue('targetId', undefined)}
          />
        </Form.Item>
        {open && stationId ? (
          <TargetField stationId={stationId} kind={kind} />
        ) : (
          <Form.Item
            label={`被抽查的${REVIEW_TARGET_LABELS[kind]}`}
            name="targetId"
            rules={[{ required: true, message: '请先选择社工站' }]}
          >
            <Select disabled placeholder="请先选择社工站" />
          </Form.Item>
        )}
        <Form.Item
          label="督导姓名"
          name="reviewerName"
          rules={[{ required: true, whitespace: true, message: '请填写督导姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label="督导意见"
          name="comment"
          rules={[{ required: true, whitespace: true, message: '请填写督导意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {open && stationId && <SessionField stationId={stationId} />}
      </Form>
    </Modal>
  );
}

/** The station's latest case files or service records to pick from (read only while the form is open). */
function TargetField({ stationId, kind }: { stationId: string; kind: ReviewTarget }) {
  const cases = useCases({ stationId, page: 1, pageSize: 50 });
  const records = useServiceRecords({ stationId, page: 1, pageSize: 50 });
  const targets =
    kind === 'case'
      ? (cases.data?.items.map((c) => ({
          value: c.id,
          label: `${c.openedOn} 开案 · ${c.personName}（${c.workerName ?? '未指定社工'}）`,
        })) ?? [])
      : (records.data?.items.map((r) => ({
          value: r.id,
          label: `${r.servedOn} ${r.itemName} · ${r.workers.map((w) => w.name).join('、')}`,
        })) ?? []);
  return (
    <Form.Item
      label={`被抽查的${REVIEW_TARGET_LABELS[kind]}`}
      name="targetId"
      rules={[{ required: true, message: `请选择被抽查的${REVIEW_TARGET_LABELS[kind]}` }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={targets}
        loading={kind === 'case' ? cases.isLoading : records.isLoading}
        placeholder="选择一条"
        notFoundContent={`该社工站暂无${REVIEW_TARGET_LABELS[kind]}`}
      />
    </Form.Item>
  );
}

/** A session held at the station, to tie the comment to (optional). */
function SessionField({ stationId }: { stationId: string }) {
  const sessions = useSupervisionSessions({ stationId, page: 1, pageSize: 50 });
  return (
    <Form.Item label="所属督导记录" name="sessionId" extra="可不选">
      <Select
        allowClear
        options={sessions.data?.items.map((s) => ({ value: s.id, label: `${s.heldOn} ${s.supervisorName}` }))}
        placeholder="选择在该社工站开展的督导"
      />
    </Form.Item>
  );
}
