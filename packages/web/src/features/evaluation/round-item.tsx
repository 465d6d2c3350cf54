import { Link } from 'react-router';
import { Col, Form, Input, InputNumber, Row, Space, Tag, theme, Typography } from 'antd';
import {
  EVALUATOR_PARTY_LABELS,
  MEASURE_LABELS,
  MEASURE_RULES,
  SCORING_TYPE_HINTS,
  SCORING_TYPE_LABELS,
  type ScoredItem,
} from '@shegong/shared';

const tenths = (n: number) => Math.round(n * 10);
/** A score that differs from the platform's suggestion needs the evaluator's reason (R-EVAL-2). */
export const departs = (score: number | null | undefined, suggested: number | null) =>
  score !== null && score !== undefined && suggested !== null && tenths(score) !== tenths(suggested);

/**
 * One indicator (三级) of a round: its points, scoring type, guide and evidence, the figure the platform measured with
 * the records behind it and the suggested score; then the score, the reason for departing from the suggestion and the
 * evidence looked at. Two columns at a desk, one on a phone.
 */
export function RoundItem({ it, index, editable }: { it: ScoredItem; index: number; editable: boolean }) {
  const { token } = theme.useToken();
  const form = Form.useFormInstance();
  const score = Form.useWatch(['items', index, 'score'], form) as number | null | undefined;
  const name = (f: string) => ['items', index, f];
  const muted = { color: token.colorTextSecondary };
  return (
    <section
      aria-label={`${it.key} ${it.name}`}
      style={{
        padding: `${token.paddingSM}px 0`,
        borderBlockStart: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`,
      }}
    >
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={12} style={{ minWidth: 0 }}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>
            {it.key} {it.name}
          </div>
          <Space size={[4, 4]} wrap style={{ marginBottom: 4 }}>
            <Tag>{it.points} 分</Tag>
            <Tag title={SCORING_TYPE_HINTS[it.scoringType]}>{SCORING_TYPE_LABELS[it.scoringType]}</Tag>
            <Tag>{EVALUATOR_PARTY_LABELS[it.party]}评分</Tag>
          </Space>
          {it.guide && <div style={{ overflowWrap: 'anywhere' }}>评分标准：{it.guide}</div>}
          {it.evidence && <div style={{ ...muted, overflowWrap: 'anywhere' }}>佐证材料：{it.evidence}</div>}
          {it.measure && (
            <div
              style={{
                marginTop: 8,
                padding: token.paddingXS,
                background: token.colorFillQuaternary,
                borderRadius: token.borderRadius,
                overflowWrap: 'anywhere',
              }}
            >
              <div>
                平台取数（{MEASURE_LABELS[it.measure]}）：{it.figure?.text ?? '暂无数据'}
                {it.figure?.link && (
                  <Link to={it.figure.link} style={{ marginLeft: 8, textDecoration: 'underline' }}>
                    查看记录
                  </Link>
                )}
              </div>
              {it.suggested !== null && <div>建议得分：{it.suggested} 分</div>}
              <div style={muted}>{MEASURE_RULES[it.measure]}</div>
            </div>
          )}
        </Col>
        <Col xs={24} lg={12} style={{ minWidth: 0 }}>
          {editable ? (
            <>
              <Form.Item
                name={name('score')}
                label={`得分（满分 ${it.points} 分）`}
                style={{ marginBottom: 8 }}
                rules={[{ type: 'number', max: it.points, message: `得分不能超过本项分值 ${it.points} 分` }]}
              >
                <InputNumber min={0} max={it.points} step={0.5} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name={name('reason')}
                label="调整理由"
                dependencies={[name('score')]}
                style={{ marginBottom: 8 }}
                extra={departs(score, it.suggested) ? `得分与建议分 ${it.suggested} 分不同，须说明理由` : undefined}
                rules={[
                  {
                    validator: async (_, v: string | undefined) => {
                      if (departs(form.getFieldValue(name('score')), it.suggested) && !v?.trim())
                        throw new Error(`得分与平台建议分 ${it.suggested} 分不同，请说明调整理由`);
                    },
                  },
                ]}
              >
                <Input maxLength={500} placeholder={it.suggested === null ? '选填' : '得分与建议分不同时必填'} />
              </Form.Item>
              <Form.Item name={name('note')} label="评分依据" style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={1000} placeholder="查阅的台账、记录，实地看到的情况" />
              </Form.Item>
            </>
          ) : (
            <div>
              <div>
                得分：<Typography.Text strong>{it.score === null ? '未评分' : `${it.score} 分`}</Typography.Text>
              </div>
              {it.reason && <div>调整理由：{it.reason}</div>}
              {it.note && <div style={{ overflowWrap: 'anywhere' }}>评分依据：{it.note}</div>}
            </div>
          )}
        </Col>
      </Row>
    </section>
  );
}
