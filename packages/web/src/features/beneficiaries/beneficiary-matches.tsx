import { Link } from 'react-router';
import { Alert, Button, Card, Flex, List, Tag, theme } from 'antd';
import { GENDER_LABELS, type MatchView } from '@shegong/shared';

/**
 * Possible duplicates before saving (one person once, R-SVC-1). A match on the ID number is the same person: the only
 * way on is 关联到本站 (the record is shared, not copied). A match on name, gender, birth year and village may be
 * someone else: link, or register anyway.
 */
export function MatchPanel({
  matches,
  stationName,
  linking,
  onLink,
  onCreateAnyway,
  onCancel,
}: {
  matches: MatchView[];
  /** The station being registered at: a person it already serves needs no link. */
  stationName: string | undefined;
  linking: boolean;
  onLink: (m: MatchView) => void;
  onCreateAnyway: () => void;
  onCancel: () => void;
}) {
  const { token } = theme.useToken();
  const byId = matches.some((m) => m.by === 'id');
  return (
    <Card style={{ marginBottom: 16, borderColor: token.colorWarningBorder }}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={byId ? '此身份证号已登记' : '可能已登记过此人'}
        description={
          byId
            ? '同一人全市只有一份档案：请关联到本站，由本站共同服务，不要重复登记。'
            : '以下人员的姓名、性别、出生年份和村（社区）与填写的相同。是同一人请关联到本站；不是同一人可继续登记。'
        }
      />
      <List
        dataSource={matches}
        renderItem={(m) => (
          <List.Item key={m.id ?? m.linkId ?? m.name}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <strong>
                {m.name}
                {m.gender ? ` · ${GENDER_LABELS[m.gender]}` : ''}
                {m.birthYear ? ` · ${m.birthYear} 年生` : ''}
                {m.village ? ` · ${m.village}` : ''}
              </strong>
              <span style={{ color: token.colorTextSecondary }}>
                {m.by === 'id' ? '身份证号相同' : '姓名、性别、出生年份、村（社区）相同'}；服务社工站：
                {m.stationNames.join('、') || '—'}
              </span>
              <Flex gap={8} wrap align="center">
                {m.inScope && m.id && <Link to={`/beneficiaries/${m.id}`}>打开档案</Link>}
                {stationName && m.stationNames.includes(stationName) ? (
                  <Tag color="blue">本站已在服务</Tag>
                ) : (
                  <Button type="primary" size="large" loading={linking} onClick={() => onLink(m)}>
                    关联到本站
                  </Button>
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {!byId && (
          <Button size="large" onClick={onCreateAnyway}>
            不是同一人，继续登记
          </Button>
        )}
        <Button size="large" onClick={onCancel}>
          返回修改
        </Button>
      </Flex>
    </Card>
  );
}
