import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import type { BeneficiaryView } from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { useUpdateBeneficiary } from './beneficiaries.api';
import { PersonFields, personBody, useIdentityFacts, type PersonFormValues } from './beneficiary-person-fields';
import { showServerErrors } from './form-errors';
import { useState } from 'react';

/** The form's values from the record (the record is shown in clear to whoever may edit it). */
function valuesOf(b: BeneficiaryView): PersonFormValues {
  return {
    name: b.name,
    noId: !b.idNumber,
    idNumber: b.idNumber ?? '',
    noIdReason: b.noIdReason,
    gender: b.gender,
    birthYear: b.birthYear,
    birthPlace: b.birthPlace,
    phone: b.phone,
    village: b.village,
    address: b.address,
    guardian: b.guardian,
    household: b.household.map((m) => ({ name: m.name, relation: m.relation, memberId: m.memberId })),
    workerId: b.workerId,
  };
}

/** 编辑 (R-SVC-1): the same fields as the registration; a stale version answers 409, said in plain words. */
export function BeneficiaryEditDrawer({
  b,
  open,
  onClose,
}: {
  b: BeneficiaryView;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { minor } = useIdentityFacts(form);
  const update = useUpdateBeneficiary(b.id);
  const [stale, setStale] = useState(false);

  async function save(v: PersonFormValues) {
    try {
      await update.mutateAsync({
        ...personBody({ ...v, workerId: v.workerId ?? b.workerId }, minor),
        version: b.version,
      });
      message.success('已保存');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setStale(true);
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <Drawer
      title={`编辑：${b.name}`}
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="已被他人修改，请刷新"
          description="关闭后页面显示最新内容，再重新编辑。"
        />
      )}
      <Form form={form} layout="vertical" initialValues={valuesOf(b)} onFinish={save}>
        <PersonFields />
        <Form.Item name="workerId" hidden>
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
