import { CIRCULAR_MEASURE_LABELS, CIRCULAR_MEASURES, type Circular } from '@shegong/shared';
import { periodWords } from './circular-periods';
import { countText, MEASURE_TITLES, valueText } from './circular-words';

/**
 * 打印 (DESIGN §5: printable pages look like the documents offices use): only the 通报 itself on A4 landscape, in a
 * plain bordered table with a heading-font title; the menu, header, filters and buttons are left off the paper.
 */
const PRINT_CSS = `
@media screen { .circular-print { display: none; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .ant-layout-sider, .ant-layout-header, .skip-link, .ant-message, .circular-screen { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; min-height: 0 !important; }
  .circular-print { display: block; color: #000; font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; }
  .circular-print h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 20pt; text-align: center; margin: 0 0 8pt; font-weight: normal; }
  .circular-print p { margin: 0 0 6pt; font-size: 11pt; }
  .circular-print table { width: 100%; border-collapse: collapse; font-size: 10pt; }
  .circular-print th, .circular-print td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; }
  .circular-print th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
  .circular-print tr { break-inside: avoid; }
  .circular-print thead { display: table-header-group; }
  .circular-print .num { text-align: center; }
  .circular-print small { display: block; font-size: 8pt; }
}`;

export function CircularPrint({ c, scope }: { c: Circular; scope: string }) {
  return (
    <div className="circular-print">
      <style>{PRINT_CSS}</style>
      <h1>濮阳市乡镇（街道）社工站工作进展通报</h1>
      <p>
        范围：{scope}；统计期间：{periodWords(c)}；名次在 {c.unitCount} 个县（区）中排列（1
        为最好），综合排名按各项名次的平均
      </p>
      <p>指标：{CIRCULAR_MEASURES.map((m) => CIRCULAR_MEASURE_LABELS[m]).join('；')}。依据《实施方案》六（七）。</p>
      <table>
        <thead>
          <tr>
            <th>综合排名</th>
            <th>县（区）</th>
            {CIRCULAR_MEASURES.map((m) => (
              <th key={m}>{MEASURE_TITLES[m]}</th>
            ))}
            <th>表彰</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.code}>
              <td className="num">{r.overallRank}</td>
              <td>{r.name}</td>
              {CIRCULAR_MEASURES.map((m) => (
                <td key={m}>
                  {valueText(m, r.values[m])}
                  {r.ranks[m] != null && `（第${r.ranks[m]}名）`}
                  <small>{countText(m, r.counts[m])}</small>
                </td>
              ))}
              <td>{r.commended ? `拟表彰${r.commendationNote ? `：${r.commendationNote}` : ''}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
