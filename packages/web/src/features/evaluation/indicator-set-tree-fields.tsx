import type { ReactNode } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  EVALUATOR_PARTIES,
  EVALUATOR_PARTY_LABELS,
  MEASURE_LABELS,
  MEASURES,
  SCORING_TYPE_HINTS,
  SCORING_TYPE_LABELS,
  SCORING_TYPES,
  type IndicatorDimension,
} from '@shegong/shared';

const tenths = (n: unknown) => Math.round((typeof n === 'number' ? n : 0) * 10);
/** A sum in tenths, so 0.1 + 0.2 shows 0.3 (as the server adds). */
export const sumOf = (ns: unknown[]) => ns.reduce<number>((a, n) => a + tenths(n), 0) / 10;

/** The level's sum beside its points, live: whether they agree is what the server checks (R-EVAL-2). */
function SumHint({ what, points, parts }: { what: string; points: unknown; parts: unknown[] }) {
  const sum = sumOf(parts);
  const agrees = tenths(points) === tenths(sum);
  return (
    <span role="status" style={{ color: agrees ? '#237804' : '#cf1322' }}>
      {agrees ? `${what}合计 ${sum} 分，与分值一致` : `${what}合计 ${sum} 分，与分值 ${points ?? 0} 不一致`}
    </span>
  );
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));
const scoringOptions = SCORING_TYPES.map((k) => ({
  value: k,
  label: SCORING_TYPE_LABELS[k],
  title: SCORING_TYPE_HINTS[k],
}));
const required = (message: string) => [{ required: true, message }];
const pointsInput = (label: string) => (
  <InputNumber aria-label={label} min={0} max={1000} suffix="分" style={{ width: 130 }} />
);
const remover = (label: string, onClick: () => void, disabled: boolean) => (
  <Button aria-label={label} icon={<DeleteOutlined />} onClick={onClick} disabled={disabled} />
);

export const NEW_ITEM = {
  name: '',
  points: 1,
  scoringType: 'graded',
  party: 'purchaser',
  guide: '',
  evidence: '',
  measure: undefined,
};
const NEW_GROUP = { name: '', points: 1, items: [NEW_ITEM] };
export const NEW_DIMENSION = { name: '', points: 1, groups: [NEW_GROUP] };

/**
 * The tree's fields (一级 → 二级 → 三级, nested Form.List), each level's sum shown live beside its points. Field names
 * follow the API's paths (`dimensions.0.groups.1.points`), so the server's field errors land on their fields.
 */
export function DimensionFields({ dimensions }: { dimensions: IndicatorDimension[] | undefined }) {
  return (
    <Form.List name="dimensions">
      {(dims, { add, remove }) => (
        <>
          {dims.map((d, i) => {
            const dim = dimensions?.[i];
            const p = `一级指标 ${i + 1} `;
            return (
              <Card key={d.key} size="small" title={`一级指标 ${i + 1}`} style={{ marginBottom: 12 }}>
                <NamePoints
                  base={[d.name]}
                  prefix={p}
                  hint={
                    <SumHint what="二级指标" points={dim?.points} parts={(dim?.groups ?? []).map((g) => g?.points)} />
                  }
                  remove={remover(`删除${p.trim()}`, () => remove(d.name), dims.length <= 1)}
                />
                <Form.List name={[d.name, 'groups']}>
                  {(groups, g) => (
                    <div style={{ paddingLeft: 12, borderLeft: '2px solid #d9d9d9' }}>
                      {groups.map((gf, j) => (
                        <GroupFields
                          key={gf.key}
                          name={gf.name}
                          prefix={`二级指标 ${i + 1}.${j + 1} `}
                          group={dim?.groups?.[j]}
                          remove={remover(
                            `删除二级指标 ${i + 1}.${j + 1}`,
                            () => g.remove(gf.name),
                            groups.length <= 1,
                          )}
                        />
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => g.add(NEW_GROUP)}>
                        添加二级指标
                      </Button>
                    </div>
                  )}
                </Form.List>
              </Card>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add(NEW_DIMENSION)} style={{ marginBottom: 16 }}>
            添加一级指标
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Name and points at a list position (`[index, 'name']`). */
function NamePoints({
  base,
  prefix,
  hint,
  remove,
}: {
  base: (string | number)[];
  prefix: string;
  hint: ReactNode;
  remove: ReactNode;
}) {
  return (
    <Space align="start" wrap style={{ display: 'flex' }}>
      <Form.Item name={[...base, 'name']} label="名称" rules={required('请填写名称')} style={{ marginBottom: 8 }}>
        <Input aria-label={`${prefix}名称`} style={{ width: 240, maxWidth: '100%' }} maxLength={100} />
      </Form.Item>
      <Form.Item name={[...base, 'points']} label="分值" rules={required('请填写分值')} style={{ marginBottom: 8 }}>
        {pointsInput(`${prefix}分值`)}
      </Form.Item>
      <div style={{ paddingTop: 30 }}>{hint}</div>
      <div style={{ paddingTop: 30 }}>{remove}</div>
    </Space>
  );
}

function GroupFields({
  name,
  prefix,
  group,
  remove,
}: {
  name: number;
  prefix: string;
  group: IndicatorDimension['groups'][number] | undefined;
  remove: ReactNode;
}) {
  const key = prefix.replace('二级指标 ', '').trim();
  return (
    <div style={{ marginBottom: 12 }}>
      <NamePoints
        base={[name]}
        prefix={prefix}
        hint={<SumHint what="三级指标" points={group?.points} parts={(group?.items ?? []).map((it) => it?.points)} />}
        remove={remove}
      />
      <Form.List name={[name, 'items']}>
        {(items, it) => (
          <div style={{ paddingLeft: 12, borderLeft: '2px solid #f0f0f0' }}>
            {items.map((f, k) => (
              <ItemFields
                key={f.key}
                name={f.name}
                prefix={`三级指标 ${key}.${k + 1} `}
                remove={remover(`删除三级指标 ${key}.${k + 1}`, () => it.remove(f.name), items.length <= 1)}
              />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => it.add(NEW_ITEM)} style={{ marginBottom: 8 }}>
              添加三级指标
            </Button>
          </div>
        )}
      </Form.List>
    </div>
  );
}

function ItemFields({ name, prefix, remove }: { name: number; prefix: string; remove: ReactNode }) {
  return (
    <Row gutter={8} style={{ marginBottom: 8, paddingBottom: 8, borderBottom: '1px dashed #f0f0f0' }}>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'name']} label={`${prefix.trim()}`} rules={required('请填写指标名称')}>
          <Input aria-label={`${prefix}名称`} maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={[name, 'points']} label="分值" rules={required('请填写分值')}>
          {pointsInput(`${prefix}分值`)}
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={[name, 'scoringType']} label="计分方式" rules={required('请选择计分方式')}>
          <Select aria-label={`${prefix}计分方式`} options={scoringOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={[name, 'party']} label="评分主体" rules={required('请选择评分主体')}>
          <Select aria-label={`${prefix}评分主体`} options={options(EVALUATOR_PARTIES, EVALUATOR_PARTY_LABELS)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4} style={{ paddingTop: 30 }}>
        {remove}
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'measure']} label="平台取数">
          <Select
            aria-label={`${prefix}平台取数`}
            allowClear
            placeholder="不取数，由评估人员评分"
            options={options(MEASURES, MEASURE_LABELS)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name={[name, 'guide']} label="评分标准">
          <Input.TextArea aria-label={`${prefix}评分标准`} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[name, 'evidence']} label="佐证材料">
          <Input.TextArea aria-label={`${prefix}佐证材料`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}
