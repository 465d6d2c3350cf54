import { Descriptions } from 'antd';
import { SPOT_CHECK_RULE_LABELS, type GradeBand, type IndicatorSetView } from '@shegong/shared';

/** Grade bands in words: “优秀：90 分及以上；良好：80 分及以上、不满 90 分 …”. */
export function bandWords(bands: GradeBand[]): string[] {
  return bands.map((b, i) => {
    if (i === 0) return `${b.label}：${b.min} 分及以上`;
    const upper = bands[i - 1]!.min;
    return b.min === 0 ? `${b.label}：不满 ${upper} 分` : `${b.label}：${b.min} 分及以上、不满 ${upper} 分`;
  });
}

/** The band whose floor is the pass line (the server requires one). */
const passBand = (s: Pick<IndicatorSetView, 'bands' | 'passLine'>) => s.bands.find((b) => b.min === s.passLine);

/** How an agreement year's result follows from its rounds under this set (《实施方案》五（三）), in words. */
export function combinationWords(s: Pick<IndicatorSetView, 'combination'>): string {
  const c = s.combination;
  return `年度得分 = 中期评估得分 × ${c.midtermWeight}% + 末期评估得分 × ${c.finalWeight}%；${SPOT_CHECK_RULE_LABELS[c.spotCheck]}；承接机构自评不计入年度结果`;
}

/** 等次、合格线 and the combination rule of a set, as the people scored by it read them. */
export function IndicatorSetRules({ s }: { s: IndicatorSetView }) {
  const band = passBand(s);
  return (
    <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="等次">
        {bandWords(s.bands).map((w) => (
          <div key={w}>{w}</div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label="合格线">
        {`${s.passLine} 分${band ? `（“${band.label}”及以上为合格）` : ''}`}
      </Descriptions.Item>
      <Descriptions.Item label="年度结果">
        {combinationWords(s)}；年度得分达到合格线为合格，合格后续签，不合格的不予续签（《实施方案》五（三））
      </Descriptions.Item>
    </Descriptions>
  );
}
