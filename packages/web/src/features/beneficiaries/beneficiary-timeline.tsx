import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Form, Modal, Tag, Timeline, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  DISABILITY_KIND_LABELS,
  TEKUN_FORM_LABELS,
  type BeneficiaryView,
  type CategoryView,
} from '@shegong/shared';
import { useAddCategory, useEndCategory } from './beneficiaries.api';
import { CategoryFields, categoryBody, type CategoryFormValues } from './beneficiary-category-fields';
import { Nothing } from './beneficiary-tags';
import { showServerErrors } from './form-errors';

/** 供养方式 or 残疾类别/等级, when the period has them. */
function details(c: CategoryView) {
  if (c.tekunForm) return TEKUN_FORM_LABELS[c.tekunForm];
  if (c.disabilityKind)
    return `${DISABILITY_KIND_LABELS[c.disabilityKind]}${c.disabilityGrade ? ` ${DISABILITY_GRADE_LABELS[c.disabilityGrade]}` : ''}`;
  return null;
}

/**
 * 类别 over time (R-SVC-1): each period with its dates, source and details, newest first; a period is added, or ended
 * when the person leaves the category (history is kept, never overwritten).
 */
export function CategoryTimeline({ b }: { b: BeneficiaryView }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<null | { kind: 'add' } | { kind: 'end'; period: CategoryView }>(null);
  const add = useAddCategory(b.id);
  const end = useEndCategory(b.id);
  const periods = [...b.categoryHistory].sort((x, y) => y.startedOn.localeCompare(x.startedOn));

  function close() {
    setDialog(null);
    form.resetFields();
  }
  async function submit(v: CategoryFormValues) {
    try {
      if (dialog?.kind === 'add') await add.mutateAsync(categoryBody(v));
      if (dialog?.kind === 'end' && v.endedOn)
        await end.mutateAsync({ categoryId: dialog.period.id, endedOn: v.endedOn.format('YYYY-MM-DD') });
      message.success(dialog?.kind === 'add' ? '已添加类别' : '已结束该类别');
      close();
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <Card
      title="救助类别"
      style={{ marginBottom: 16 }}
      extra={
        b.abilities.addCategory && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              form.setFieldsValue({ startedOn: dayjs() });
              setDialog({ kind: 'add' });
            }}
          >
            添加类别
          </Button>
        )
      }
    >
      {periods.length === 0 ? (
        <Nothing>尚未登记类别</Nothing>
      ) : (
        <Timeline
          items={periods.map((c) => ({
            key: c.id,
            color: c.current ? 'blue' : 'gray',
            content: (
              <div>
                <strong>{CATEGORY_LABELS[c.category]}</strong>
                {details(c) && <span>（{details(c)}）</span>}{' '}
                {c.current ? <Tag color="blue">当前</Tag> : <Tag>{c.endedOn ? '已结束' : '未开始'}</Tag>}
                <div style={{ color: token.colorTextSecondary }}>
                  {c.startedOn} 至 {c.endedOn ?? '今'} · 来源：{c.source}
                </div>
                {b.abilities.addCategory && !c.endedOn && (
                  <Button
                    size="small"
                    style={{ marginTop: 4 }}
                    onClick={() => {
                      form.setFieldsValue({ endedOn: dayjs() });
                      setDialog({ kind: 'end', period: c });
                    }}
                  >
                    结束该类别
                  </Button>
                )}
              </div>
            ),
          }))}
        />
      )}
      <Modal
        title={dialog?.kind === 'end' ? `结束类别：${CATEGORY_LABELS[dialog.period.category]}` : '添加类别'}
        open={!!dialog}
        onCancel={close}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={add.isPending || end.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind === 'add' && <CategoryFields />}
          {dialog?.kind === 'end' && (
            <Form.Item
              label="结束日期"
              name="endedOn"
              rules={[{ required: true, message: '请选择结束日期' }]}
              extra={`开始于 ${dialog.period.startedOn}；结束后记录仍保留`}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
