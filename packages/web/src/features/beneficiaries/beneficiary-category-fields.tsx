import type { Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BENEFICIARY_CATEGORIES,
  CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  DISABILITY_GRADES,
  DISABILITY_KIND_LABELS,
  DISABILITY_KINDS,
  TEKUN_FORM_LABELS,
  TEKUN_FORMS,
  type CategoryInput,
} from '@shegong/shared';

type NamePath = (string | number)[];

export interface CategoryFormValues {
  category?: CategoryInput['category'];
  tekunForm?: CategoryInput['tekunForm'];
  disabilityKind?: CategoryInput['disabilityKind'];
  disabilityGrade?: CategoryInput['disabilityGrade'];
  startedOn?: Dayjs;
  endedOn?: Dayjs | null;
  source?: string;
}

/** A period as the API takes it (dates as YYYY-MM-DD; details only for the category that has them). */
export function categoryBody(v: CategoryFormValues): CategoryInput {
  return {
    category: v.category as CategoryInput['category'],
    tekunForm: v.category === 'tekun' ? (v.tekunForm ?? null) : null,
    disabilityKind: v.category === 'disabled' ? (v.disabilityKind ?? null) : null,
    disabilityGrade: v.category === 'disabled' ? (v.disabilityGrade ?? null) : null,
    startedOn: v.startedOn ? v.startedOn.format('YYYY-MM-DD') : '',
    endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null,
    source: v.source ?? '',
  };
}

/**
 * One category period (R-SVC-1): the category, 供养方式 for 特困人员, 残疾类别 and 等级 for 残疾人, the dates and where the
 * fact comes from. `at` is the field path prefix (`[]` in a dialog, `[i]` inside the form list); `n` numbers the labels.
 */
export function CategoryFields({ at = [], list = [], n }: { at?: NamePath; list?: NamePath; n?: number }) {
  const category = Form.useWatch([...list, ...at, 'category']) as string | undefined;
  const no = n ? ` ${n}` : '';
  return (
    <>
      <Form.Item label={`类别${no}`} name={[...at, 'category']} rules={[{ required: true, message: '请选择类别' }]}>
        <Select
          size="large"
          showSearch={{ optionFilterProp: 'label' }}
          options={BENEFICIARY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
      </Form.Item>
      {category === 'tekun' && (
        <Form.Item
          label={`供养方式${no}`}
          name={[...at, 'tekunForm']}
          rules={[{ required: true, message: '请选择供养方式' }]}
        >
          <Select size="large" options={TEKUN_FORMS.map((f) => ({ value: f, label: TEKUN_FORM_LABELS[f] }))} />
        </Form.Item>
      )}
      {category === 'disabled' && (
        <>
          <Form.Item
            label={`残疾类别${no}`}
            name={[...at, 'disabilityKind']}
            rules={[{ required: true, message: '请选择残疾类别' }]}
          >
            <Select
              size="large"
              options={DISABILITY_KINDS.map((k) => ({ value: k, label: DISABILITY_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            label={`残疾等级${no}`}
            name={[...at, 'disabilityGrade']}
            rules={[{ required: true, message: '请选择残疾等级' }]}
          >
            <Select
              size="large"
              options={DISABILITY_GRADES.map((g) => ({ value: g, label: DISABILITY_GRADE_LABELS[g] }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={`开始日期${no}`}
        name={[...at, 'startedOn']}
        rules={[{ required: true, message: '请选择开始日期' }]}
      >
        <DatePicker size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={`结束日期${no}`} name={[...at, 'endedOn']} extra="仍在该类别时不填">
        <DatePicker size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={`来源${no}`}
        name={[...at, 'source']}
        rules={[{ required: true, message: '请填写来源' }]}
        extra="如：县民政局低保名册、入户核实"
      >
        <Input size="large" />
      </Form.Item>
    </>
  );
}

/** The categories known at registration, as many as apply (a person is in several at once). */
export function CategoryRows({ defaults }: { defaults: () => CategoryFormValues }) {
  return (
    <Form.List name="categories">
      {(rows, { add, remove }) => (
        <>
          {rows.map((r, i) => (
            <Card
              key={r.key}
              size="small"
              title={`类别 ${i + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除类别 ${i + 1}`}
                  onClick={() => remove(r.name)}
                />
              }
            >
              <CategoryFields at={[r.name]} list={['categories']} n={i + 1} />
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(defaults())} block size="large">
            添加类别
          </Button>
        </>
      )}
    </Form.List>
  );
}
