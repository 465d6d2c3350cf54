import type { Dayjs } from 'dayjs';
import { App, Button, Col, DatePicker, Form, Input, Radio, Row, Space } from 'antd';
import { PRE_AWARD_ASPECT_LABELS, PRE_AWARD_ASPECTS, type ProcurementView } from '@shegong/shared';
import { showFormError } from '../../lib/zod-rule';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useCreatePreAwardEvaluation } from './pre-award.api';

/**
 * The county records one third-party pre-award evaluation (R-EVAL-1, 《实施方案》六（六）): the candidate, the agency,
 * the date, each of the three aspects 合格/不合格 with a note, and a summary; the report file is uploaded after saving.
 */
export function PreAwardForm({ p, onDone }: { p: ProcurementView; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreatePreAwardEvaluation();

  async function save(v: Record<string, unknown>) {
    const aspect = (k: string) => ({ passed: v[`${k}Passed`] === true, note: (v[`${k}Note`] as string) ?? '' });
    try {
      await create.mutateAsync({
        procurementId: p.id,
        organisationId: v.organisationId as string,
        agency: v.agency as string,
        evaluatedOn: (v.evaluatedOn as Dayjs).format('YYYY-MM-DD'),
        qualification: aspect('qualification'),
        management: aspect('management'),
        talent: aspect('talent'),
        summary: (v.summary as string) ?? '',
      });
      message.success('已登记立项评估，可在列表中上传评估报告');
      form.resetFields();
      onDone();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
      <Form.Item label="被评估的机构" name="organisationId" rules={[{ required: true, message: '请选择机构' }]}>
        <OrganisationSelect
          style={{ width: '100%', maxWidth: 360 }}
          lists={[
            { title: `${p.countyName}登记的机构`, query: { county: p.countyCode } },
            { title: '外地机构', query: { local: 'false' } },
          ]}
        />
      </Form.Item>
      {/* Rows of columns, not Space: at phone width every field takes the full width and nothing overflows. */}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label="第三方评估机构"
            name="agency"
            rules={[
              { required: true, message: '请填写第三方评估机构名称' },
              { min: 2, max: 100, message: '名称应为 2 至 100 个字' },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true, message: '请选择评估日期' }]}>
            <DatePicker />
          </Form.Item>
        </Col>
      </Row>
      {PRE_AWARD_ASPECTS.map((k) => (
        <Row key={k} gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={PRE_AWARD_ASPECT_LABELS[k]}
              name={`${k}Passed`}
              rules={[{ required: true, message: `请选择${PRE_AWARD_ASPECT_LABELS[k]}是否合格` }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: '合格' },
                  { value: false, label: '不合格' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={`${PRE_AWARD_ASPECT_LABELS[k]}说明`} name={`${k}Note`}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Form.Item label="评估结论摘要" name="summary">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          登记立项评估
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
