import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  SPOT_CHECK_RULE_LABELS,
  SPOT_CHECK_RULES,
  type IndicatorSetInput,
  type IndicatorSetView,
} from '@shegong/shared';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useUpdateIndicatorSet } from './indicator-sets.api';
import { DimensionFields, sumOf } from './indicator-set-tree-fields';

/** The view's content as the form holds it (an unmeasured item's `null` is the Select's empty value). */
function formValues(s: IndicatorSetView) {
  return {
    name: s.name,
    note: s.note,
    dimensions: s.dimensions.map((d) => ({
      ...d,
      groups: d.groups.map((g) => ({
        ...g,
        items: g.items.map((it) => ({ ...it, measure: it.measure ?? undefined })),
      })),
    })),
    bands: s.bands,
    passLine: s.passLine,
    combination: s.combination,
  };
}

/** What the API takes back: empty texts as '', an unmeasured item as `null`. */
function inputOf(v: IndicatorSetInput): IndicatorSetInput {
  return {
    ...v,
    note: v.note ?? '',
    dimensions: (v.dimensions ?? []).map((d) => ({
      ...d,
      groups: (d.groups ?? []).map((g) => ({
        ...g,
        items: (g.items ?? []).map((it) => ({
          ...it,
          guide: it.guide ?? '',
          evidence: it.evidence ?? '',
          measure: it.measure ?? null,
        })),
      })),
    })),
  };
}

const weight = (label: string) => (
  <InputNumber aria-label={label} min={0} max={100} precision={0} suffix="%" style={{ width: 130 }} />
);

/**
 * The city edits a draft set (R-EVAL-2): the tree with each level's sum live, the grade bands, the pass line and how the
 * year's rounds combine. The server checks the sums and bands and puts its field errors on the fields; nothing typed is
 * lost on an error.
 */
export function IndicatorSetForm({ s, onDone }: { s: IndicatorSetView; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorSetInput>();
  const save = useUpdateIndicatorSet(s.id);
  const dimensions = Form.useWatch('dimensions', form);
  const total = sumOf((dimensions ?? []).map((d) => d?.points));

  async function submit(v: IndicatorSetInput) {
    try {
      await save.mutateAsync({ ...inputOf(v), version: s.version });
      message.success('已保存');
      onDone();
    } catch (e) {
      showServerErrors(form, e, message.error);
      const first = Object.keys((e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {})[0];
      if (first)
        form.scrollToField(
          first.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          { block: 'center' },
        );
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={formValues(s)} onFinish={submit} scrollToFirstError>
      <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="name"
          label="指标体系名称"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Card>
      <Card title={`指标（总分 ${total} 分）`} size="small" style={{ marginBottom: 16 }}>
        <DimensionFields dimensions={dimensions} />
      </Card>
      <Card title="等次与合格线" size="small" style={{ marginBottom: 16 }}>
        <Form.List name="bands">
          {(bands, { add, remove }, { errors }) => (
            <Form.Item label="等次（从高到低，最低一个等次的下限为 0 分）">
              {bands.map((b, i) => (
                <Space key={b.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[b.name, 'label']} noStyle rules={[{ required: true, message: '请填写等次名称' }]}>
                    <Input
                      aria-label={`等次 ${i + 1} 名称`}
                      placeholder="等次名称"
                      style={{ width: 120 }}
                      maxLength={10}
                    />
                  </Form.Item>
                  <Form.Item name={[b.name, 'min']} noStyle rules={[{ required: true, message: '请填写下限' }]}>
                    <InputNumber
                      aria-label={`等次 ${i + 1} 下限`}
                      min={0}
                      max={1000}

                      prefix="≥"
                      suffix="分"
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Button
                    aria-label={`删除等次 ${i + 1}`}
                    icon={<DeleteOutlined />}
                    disabled={bands.length <= 2}
                    onClick={() => remove(b.name)}
                  />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {bands.length < 6 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ label: '', min: 0 })}>
                  添加等次
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="passLine"
          label="合格线"
          extra="应与某一等次的下限相同（如“合格”等次的下限）"
          rules={[{ required: true, message: '请填写合格线' }]}
        >
          <InputNumber aria-label="合格线" min={0} max={1000} suffix="分" style={{ width: 160 }} />
        </Form.Item>
      </Card>
      <Card title="年度结果的计算（《实施方案》五（三））" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name={['combination', 'midtermWeight']} label="中期评估权重" rules={[{ required: true }]}>
              {weight('中期评估权重')}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['combination', 'finalWeight']} label="末期评估权重" rules={[{ required: true }]}>
              {weight('末期评估权重')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['combination', 'spotCheck']} label="市级抽查结果的作用" rules={[{ required: true }]}>
              <Select options={SPOT_CHECK_RULES.map((k) => ({ value: k, label: SPOT_CHECK_RULE_LABELS[k] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
