import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Spin } from 'antd';
import { reportSettingsSchema } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { showFormError, zodRule } from '../../lib/zod-rule';
import { useReportSettings, useSaveReportSettings, type ReportSettingsView } from './reports.api';

type Values = Omit<ReportSettingsView, 'version'>;
const shape = reportSettingsSchema.shape;

const DAY_FIELDS: { name: keyof Values; label: string; extra: string; max: number; min: number; suffix: string }[] = [
  { name: 'stationMonthlyDay', label: '月工作简报', extra: '次月第几日前报送', min: 1, max: 28, suffix: '日' },
  {
    name: 'stationQuarterlyDay',
    label: '季度工作简报',
    extra: '季度结束后次月第几日前报送',
    min: 1,
    max: 28,
    suffix: '日',
  },
  {
    name: 'agreementReportDays',
    label: '中期、末期工作报告',
    extra: '协议年度的半年或全年结束后几天内报送',
    min: 0,
    max: 60,
    suffix: '天',
  },
  {
    name: 'countyQuarterlyDay',
    label: '县（区）季度项目实施情况报告',
    extra: '季度结束后次月第几日前报送',
    min: 1,
    max: 28,
    suffix: '日',
  },
];

/** 报告设置 (R-REP-3): the due dates of every kind of report, which the city sets; saved with the version read. */
export function ReportSettingsPage() {
  const { message } = App.useApp();
  const { data, error, isLoading } = useReportSettings();
  const save = useSaveReportSettings();
  const [form] = Form.useForm();
  useEffect(() => {
    if (data && !form.isFieldsTouched()) form.setFieldsValue(data);
  }, [data, form]);

  async function submit(v: Values) {
    try {
      const saved = await save.mutateAsync({ ...v, version: data!.version });
      form.resetFields();
      form.setFieldsValue(saved);
      message.success('报告截止日期已保存：尚未到期、尚未提交的报告按新日期计算');
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="报告设置"
        crumbs={[{ title: '工作台', to: '/' }, { title: '报告', to: '/reports' }, { title: '报告设置' }]}
      />
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {isLoading && <Spin />}
      {data && (
        <Card style={{ maxWidth: 720 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="修改后，尚未到期、尚未提交的报告按新的截止日期计算；已经逾期或已提交的报告不变，以免改变已有的及时率。"
          />
          <Form form={form} layout="vertical" onFinish={submit} name="report-settings">
            {DAY_FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={f.label}
                extra={f.extra}
                rules={[{ required: true, message: `请填写${f.label}的截止日期` }, zodRule(shape[f.name])]}
              >
                <InputNumber min={f.min} max={f.max} precision={0} suffix={f.suffix} style={{ width: 160 }} />
              </Form.Item>
            ))}
            <Form.Item
              name="cityFirstHalfDue"
              label="市级上半年报告"
              extra="当年几月几日前报送省民政厅，格式 MM-DD，如 07-20"
              rules={[{ required: true, message: '请填写截止日期' }, zodRule(shape.cityFirstHalfDue)]}
            >
              <Input style={{ width: 160 }} placeholder="07-20" />
            </Form.Item>
            <Form.Item
              name="citySecondHalfDue"
              label="市级下半年报告"
              extra="次年几月几日前报送省民政厅，格式 MM-DD，如 01-20"
              rules={[{ required: true, message: '请填写截止日期' }, zodRule(shape.citySecondHalfDue)]}
            >
              <Input style={{ width: 160 }} placeholder="01-20" />
            </Form.Item>
            <Form.Item
              name="startsOn"
              label="平台报送起始月份"
              extra="自该月起的报告在平台上报送，之前的报告不再列为应报（已填写或已提交的保留）；不填则自合同开始之月起。格式 YYYY-MM，如 2026-01"
              normalize={(v: string) => v?.trim() || null}
              rules={[zodRule(shape.startsOn)]}
            >
              <Input style={{ width: 160 }} placeholder="2026-01" allowClear />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
