import { useNavigate } from 'react-router';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { COMPLAINT_SOURCE_LABELS } from '@shegong/shared';
import { showFormError } from '../../lib/zod-rule';
import { useStations } from '../stations/stations.api';
import { useCreateComplaint } from './satisfaction.api';

interface Values {
  stationId?: string;
  source: 'phone' | 'visit' | 'letter';
  receivedOn: Dayjs;
  content?: string;
  anonymous: boolean;
  contactName?: string;
  contactPhone?: string;
}

/** 登记投诉: one received by phone, visit or letter (the public form's arrive by themselves). */
export function ComplaintForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const create = useCreateComplaint();
  const stations = useStations({ page: 1, pageSize: 200 }, { enabled: open });
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  async function ok() {
    const v = (await form.validateFields().catch(() => null)) as Values | null;
    if (!v) return;
    try {
      const c = await create.mutateAsync({
        stationId: v.stationId!,
        source: v.source,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        content: v.content?.trim() ?? '',
        anonymous: v.anonymous,
        ...(v.anonymous ? {} : { contactName: v.contactName?.trim(), contactPhone: v.contactPhone?.trim() }),
      });
      message.success('投诉已登记');
      onClose();
      nav(`/complaints/${c.id}`);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  return (
    <Modal
      open={open}
      title="登记投诉"
      okText="登记"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ source: 'phone', receivedOn: dayjs(), anonymous: true }}
      >
        <Form.Item name="stationId" label="社工站" rules={[{ required: true, message: '请选择社工站' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={stations.isLoading}
            options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="source" label="投诉来源">
          <Radio.Group
            optionType="button"
            options={(['phone', 'visit', 'letter'] as const).map((k) => ({
              value: k,
              label: COMPLAINT_SOURCE_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="content"
          label="投诉内容"
          rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="anonymous" label="匿名" valuePropName="checked">
          <Switch checkedChildren="匿名" unCheckedChildren="实名" />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label="手机号码"
              rules={[
                { required: true, message: '请填写手机号码' },
                { pattern: /^1[3-9]\d{9}$/, message: '应为 11 位手机号码' },
              ]}
            >
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
