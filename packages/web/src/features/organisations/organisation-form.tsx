import { Checkbox, Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  GRADES,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  checkCreditCode,
  type CreateOrganisationInput,
  type Division,
  type OrganisationView,
} from '@shegong/shared';

const DATES = ['registeredOn', 'gradeValidUntil'] as const;

/** Form values ← an organisation (dates as dayjs). */
export const organisationToForm = (o: OrganisationView) => ({
  ...o,
  ...Object.fromEntries(DATES.map((k) => [k, o[k] ? dayjs(o[k]) : undefined])),
});
/** Request body ← form values (the server checks them against the same schema). */
export function organisationFromForm(v: Record<string, unknown>): CreateOrganisationInput {
  return {
    ...v,
    grade: v.grade ?? null,
    socialWorkInScope: !!v.socialWorkInScope,
    local: !!v.local,
    ...Object.fromEntries(DATES.map((k) => [k, v[k] ? (v[k] as Dayjs).format('YYYY-MM-DD') : null])),
  } as CreateOrganisationInput;
}

/** The registration fields of R-ORG-1, shared by the create drawer and the edit page. */
export function OrganisationFields({ form, units }: { form: FormInstance; units: Division[] }) {
  const code = Form.useWatch('creditCode', form) as string | undefined;
  const check = code && code.trim().length === 18 ? checkCreditCode(code) : null;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            { len: 18, message: '应为 18 位' },
          ]}
          validateStatus={check && !check.ok ? 'warning' : undefined}
          help={check && !check.ok ? `${check.message}；如确为证书所载，请填写说明` : undefined}
        >
          <Input style={{ textTransform: 'uppercase' }} maxLength={18} />
        </Form.Item>
      </Col>
      {check && !check.ok && (
        <Col xs={24}>
          <Form.Item
            label="未通过校验的说明"
            name="creditCodeReason"
            rules={[{ required: true, message: '请说明原因' }]}
          >
            <Input />
          </Form.Item>
        </Col>
      )}
      <Col xs={12} md={8}>
        <Form.Item label="组织类型" name="type" rules={[{ required: true, message: '请选择' }]}>
          <Select options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="登记单位（本平台）" name="divisionCode" rules={[{ required: true, message: '请选择' }]}>
          <Select options={units.map((u) => ({ value: u.code, label: u.name }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="登记管理机关" name="registrationAuthority">
          <Input placeholder="如：濮阳县民政局" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="登记日期" name="registeredOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="法定代表人" name="legalRepresentative">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="联系人" name="contactName">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="联系电话" name="contactPhone">
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item label="地址" name="address">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="业务范围" name="businessScope">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="socialWorkInScope" valuePropName="checked">
          <Checkbox>业务范围含社会工作</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="local" valuePropName="checked">
          <Checkbox>在濮阳市登记（本地机构）</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item label="评估等级" name="grade">
          <Select allowClear options={GRADES.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item label="等级有效期至" name="gradeValidUntil">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
