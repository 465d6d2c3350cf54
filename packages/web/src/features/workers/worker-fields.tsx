import { Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import {
  CERTIFICATE_LABELS,
  CERTIFICATE_LEVELS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  WORKER_ROLE_LABELS,
  WORKER_ROLES,
  type checkCitizenId,
} from '@shegong/shared';

/** The fields of a roster record (登记社工), with the ID number's check shown as it is typed. */
export function WorkerFields({ idCheck }: { idCheck: ReturnType<typeof checkCitizenId> | null }) {
  return (
    <Row gutter={16}>
      <Col xs={12}>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item
          label="身份证号"
          name="idNumber"
          rules={[{ required: true, message: '请输入身份证号' }]}
          validateStatus={idCheck && !idCheck.ok ? 'error' : undefined}
          help={idCheck && !idCheck.ok ? idCheck.message : undefined}
          extra={idCheck?.ok ? `出生日期 ${idCheck.birthDate}，${idCheck.gender === 'male' ? '男' : '女'}` : undefined}
        >
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="联系电话" name="phone">
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="岗位" name="role">
          <Select options={WORKER_ROLES.map((r) => ({ value: r, label: WORKER_ROLE_LABELS[r] }))} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="学历" name="education" extra="须大专及以上">
          <Select options={EDUCATION_LEVELS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="专业" name="major">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item
          label="聘用日期"
          name="hireDate"
          rules={[{ required: true, message: '请选择' }]}
          extra="聘用时不超过 45 周岁"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="证书等级" name="certificateLevel">
          <Select allowClear options={CERTIFICATE_LEVELS.map((c) => ({ value: c, label: CERTIFICATE_LABELS[c] }))} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="证书编号" name="certificateNumber">
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="取得日期" name="certificateDate">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="劳动合同开始日期" name="labourContractStart">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item label="劳动合同结束日期" name="labourContractEnd">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Space wrap>
          <Form.Item name="socialWorkMajor" valuePropName="checked">
            <Checkbox>社会工作专业毕业</Checkbox>
          </Form.Item>
          <Form.Item name="localHukou" valuePropName="checked">
            <Checkbox>本地户籍</Checkbox>
          </Form.Item>
          <Form.Item name="archiveKept" valuePropName="checked">
            <Checkbox>已建立人事档案</Checkbox>
          </Form.Item>
        </Space>
      </Col>
    </Row>
  );
}
