import dayjs from 'dayjs';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ADULT_AGE,
  NO_ID_REASON_LABELS,
  NO_ID_REASONS,
  checkCitizenId,
  createBeneficiarySchema,
  guardianSchema,
  isMinor,
  type CreateBeneficiaryInput,
  type GuardianInput,
} from '@shegong/shared';
import { zodRule } from '../../lib/zod-rule';
import { MemberPicker } from './member-picker';

const shape = createBeneficiarySchema.shape;
const big = { size: 'large' as const };

/** What the form holds besides the API's fields: the 无身份证号 switch. */
export interface PersonFormValues {
  name?: string;
  noId?: boolean;
  idNumber?: string;
  noIdReason?: CreateBeneficiaryInput['noIdReason'];
  gender?: 'male' | 'female' | null;
  birthYear?: number | null;
  birthPlace?: string;
  phone?: string;
  village?: string;
  address?: string;
  guardian?: Partial<GuardianInput> | null;
  household?: { name?: string; relation?: string; memberId?: string | null }[];
  workerId?: string | null;
}

/** The ID number as typed, checked (GB 11643) once it has 18 characters: birth date and gender derived. */
export function useIdentityFacts(form: ReturnType<typeof Form.useFormInstance>) {
  const today = dayjs().format('YYYY-MM-DD');
  const noId = Form.useWatch('noId', form) as boolean | undefined;
  const idNumber = (Form.useWatch('idNumber', form) as string | undefined)?.trim() ?? '';
  const birthYear = Form.useWatch('birthYear', form) as number | null | undefined;
  const idCheck = !noId && idNumber.length === 18 ? checkCitizenId(idNumber, today) : null;
  const birthDate = idCheck?.ok ? idCheck.birthDate : null;
  const minor = isMinor({ birthDate, birthYear: noId ? (birthYear ?? null) : null }, today);
  return { noId: !!noId, idCheck, minor };
}

/** The person's part of the body (create and edit): ID or reason, derived facts left to the server, guardian if minor. */
export function personBody(
  v: PersonFormValues,
  minor: boolean,
): Omit<CreateBeneficiaryInput, 'stationId' | 'categories'> {
  const g = v.guardian;
  return {
    name: v.name ?? '',
    idNumber: v.noId ? '' : (v.idNumber ?? '').trim().toUpperCase(),
    noIdReason: v.noId ? (v.noIdReason ?? null) : null,
    gender: v.noId ? (v.gender ?? null) : null,
    birthYear: v.noId ? (v.birthYear ?? null) : null,
    birthPlace: v.birthPlace ?? '',
    phone: v.phone ?? '',
    village: v.village ?? '',
    address: v.address ?? '',
    guardian: minor || g?.name ? { name: g?.name ?? '', relation: g?.relation ?? '', phone: g?.phone ?? '' } : null,
    household: (v.household ?? [])
      .filter((m) => m.name?.trim())
      .map((m) => ({ name: m.name ?? '', relation: m.relation ?? '', memberId: m.memberId ?? null })),
    workerId: v.workerId ?? null,
  };
}

/**
 * The identity, contact, guardian and household fields of a person (R-SVC-1), one column for a phone: the ID number is
 * checked as it is typed, 无身份证号 asks the reason, gender and an approximate birth year instead, and a minor's
 * guardian block appears (and is required) as soon as the age is known.
 */
export function PersonFields() {
  const form = Form.useFormInstance();
  const { noId, idCheck, minor } = useIdentityFacts(form);
  return (
    <>
      <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }, zodRule(shape.name)]}>
        <Input {...big} autoComplete="off" />
      </Form.Item>
      <Form.Item label="无身份证号" name="noId" valuePropName="checked" extra="流浪人员等没有身份证号时打开">
        <Switch />
      </Form.Item>
      {!noId ? (
        <Form.Item
          label="身份证号"
          name="idNumber"
          rules={[{ required: true, message: '请填写身份证号，或打开“无身份证号”' }]}
          validateStatus={idCheck && !idCheck.ok ? 'error' : undefined}
          help={idCheck && !idCheck.ok ? idCheck.message : undefined}
          extra={
            idCheck?.ok
              ? `出生日期 ${idCheck.birthDate}，${idCheck.gender === 'male' ? '男' : '女'}`
              : '18 位，填写后自动核对并带出出生日期和性别'
          }
        >
          <Input {...big} maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      ) : (
        <>
          <Form.Item label="无身份证号的原因" name="noIdReason" rules={[{ required: true, message: '请选择原因' }]}>
            <Select {...big} options={NO_ID_REASONS.map((r) => ({ value: r, label: NO_ID_REASON_LABELS[r] }))} />
          </Form.Item>
          <Form.Item label="性别" name="gender" rules={[{ required: true, message: '请选择性别' }]}>
            <Radio.Group
              {...big}
              optionType="button"
              options={[
                { value: 'male', label: '男' },
                { value: 'female', label: '女' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="出生年份（可估计）"
            name="birthYear"
            rules={[{ required: true, message: '请填写出生年份，不确定时可估计' }]}
          >
            <InputNumber {...big} min={1900} max={dayjs().year()} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item label="出生地" name="birthPlace" rules={[zodRule(shape.birthPlace)]}>
        <Input {...big} />
      </Form.Item>
      <Form.Item label="联系电话" name="phone" rules={[zodRule(shape.phone)]}>
        <Input {...big} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label="村（社区）" name="village" rules={[zodRule(shape.village)]} extra="如：王庄村、城东社区">
        <Input {...big} />
      </Form.Item>
      <Form.Item label="住址" name="address" rules={[zodRule(shape.address)]}>
        <Input {...big} />
      </Form.Item>
      {minor && <GuardianFields />}
      <HouseholdRows />
    </>
  );
}

function GuardianFields() {
  return (
    <Card size="small" title="监护人" style={{ marginBottom: 16 }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`未满 ${ADULT_AGE} 周岁，须登记监护人`} />
      <Form.Item
        label="监护人姓名"
        name={['guardian', 'name']}
        rules={[{ required: true, message: '请填写监护人姓名' }, zodRule(guardianSchema.shape.name)]}
      >
        <Input size="large" />
      </Form.Item>
      <Form.Item
        label="与本人关系"
        name={['guardian', 'relation']}
        rules={[{ required: true, message: '请填写与本人的关系' }]}
        extra="如：祖母、父亲"
      >
        <Input size="large" />
      </Form.Item>
      <Form.Item label="监护人电话" name={['guardian', 'phone']} rules={[zodRule(guardianSchema.shape.phone)]}>
        <Input size="large" inputMode="tel" />
      </Form.Item>
    </Card>
  );
}

/** Household members with their relation; a member who is registered too keeps the link to their record. */
function HouseholdRows() {
  return (
    <Card size="small" title="家庭成员" style={{ marginBottom: 16 }}>
      <Form.List name="household">
        {(rows, { add, remove }) => (
          <>
            {rows.map((r, i) => (
              <Flex key={r.key} gap={8} align="start" wrap>
                <Form.Item
                  label={`成员 ${i + 1} 姓名`}
                  name={[r.name, 'name']}
                  rules={[{ required: true, message: '请填写姓名' }]}
                  style={{ flex: '1 1 140px' }}
                >
                  <Input size="large" />
                </Form.Item>
                <Form.Item
                  label={`成员 ${i + 1} 关系`}
                  name={[r.name, 'relation']}
                  rules={[{ required: true, message: '请填写关系' }]}
                  style={{ flex: '1 1 100px' }}
                >
                  <Input size="large" placeholder="如：母亲" />
                </Form.Item>
                <Form.Item label={`成员 ${i + 1} 是否已登记`} name={[r.name, 'memberId']} style={{ flex: '1 1 220px' }}>
                  <MemberPicker />
                </Form.Item>
                <Form.Item label=" " colon={false}>
                  <Button
                    size="large"
                    icon={<DeleteOutlined />}
                    aria-label={`删除成员 ${i + 1}`}
                    onClick={() => remove(r.name)}
                  />
                </Form.Item>
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '', memberId: null })} block>
              添加家庭成员
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
