import { Form, Input, Radio, Switch, type FormInstance } from 'antd';
import { ALERT_KINDS, ALERT_KIND_LABELS, type AlertKind, type ServiceConcernInput } from '@shegong/shared';

export interface ConcernValues {
  concernOn?: boolean;
  concernKind?: AlertKind;
  concernDescription?: string;
}

/** The record's concern for the API: null unless the switch is on (R-SVC-5: it raises an alert at once). */
export function concernBody(v: ConcernValues, people: string[]): ServiceConcernInput | null {
  if (!v.concernOn) return null;
  return {
    kind: v.concernKind ?? 'other_crisis',
    description: v.concernDescription ?? '',
    beneficiaryId: people.length === 1 ? people[0] : null,
  };
}

/**
 * 发现疑似虐待/家暴/遗弃/其他危机: optional, off by default. When on, the kind and a few words go with the record, and
 * the server raises an alert for the project lead and the county officer (R-SVC-5).
 */
export function ConcernFields<T extends ConcernValues>({ form }: { form: FormInstance<T> }) {
  const on = Form.useWatch('concernOn', form as FormInstance);
  return (
    <>
      <Form.Item name="concernOn" label="发现疑似虐待、家暴、遗弃或其他危机" valuePropName="checked">
        <Switch checkedChildren="有" unCheckedChildren="无" />
      </Form.Item>
      {on && (
        <>
          <Form.Item name="concernKind" label="发现的情况" rules={[{ required: true, message: '请选择发现的情况' }]}>
            <Radio.Group options={ALERT_KINDS.map((k) => ({ value: k, label: ALERT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            name="concernDescription"
            label="情况说明"
            extra="保存后立即通知项目主管和县级民政部门"
            rules={[{ required: true, min: 2, message: '请简要说明发现的情况' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </>
  );
}
