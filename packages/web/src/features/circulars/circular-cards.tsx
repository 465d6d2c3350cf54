import { Link } from 'react-router';
import { Button, Tag, theme } from 'antd';
import { CIRCULAR_MEASURES, type Circular, type CircularMeasure } from '@shegong/shared';
import { countText, MEASURE_TITLES, measureLink, valueText, type CircularRow } from './circular-words';

// The 通报's rows without antd's Table (its chunk would weigh on the 工作台's first bundle): cells, cards for phones
// and a plain table for the 工作台 at a desk.

export interface CircularRowsProps {
  c: Circular;
  /** The city marks or unmarks a unit (shown when the server says it may). */
  onCommend?: (row: CircularRow) => void;
}

/** One measure of a unit: its value (a link to the records behind it), its rank, and what it is made of. */
export function MeasureCell({ row, m, period }: { row: CircularRow; m: CircularMeasure; period: string }) {
  const { token } = theme.useToken();
  const rank = row.ranks[m];
  return (
    <div>
      {/* Underlined: the rank follows on the same line, so colour alone would not mark the link (WCAG 1.4.1). */}
      {row.values[m] == null ? (
        valueText(m, null)
      ) : (
        <Link to={measureLink(m, row.code, period)} style={{ textDecoration: 'underline' }}>
          {valueText(m, row.values[m])}
        </Link>
      )}
      {rank != null && <span style={{ color: token.colorTextDescription, marginLeft: 4 }}>第{rank}名</span>}
      <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM, whiteSpace: 'nowrap' }}>
        {countText(m, row.counts[m])}
      </div>
    </div>
  );
}

const markText = (row: CircularRow) => (row.commended ? '修改或取消表彰' : '标记表彰');

/** The commendation column: the mark, its note and, for the city, the button to change it. */
export function Commendation({ row, onCommend }: { row: CircularRow; onCommend?: CircularRowsProps['onCommend'] }) {
  return (
    <div>
      {row.commended ? <Tag color="gold">拟表彰</Tag> : onCommend ? null : '—'}
      {row.commendationNote && <div style={{ maxWidth: 160, whiteSpace: 'normal' }}>{row.commendationNote}</div>}
      {onCommend && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onCommend(row)}>
          {markText(row)}
        </Button>
      )}
    </div>
  );
}

/** Phones: a card a unit, in overall order (no sideways scrolling at 390 px). */
export function CircularCards({ c, onCommend }: CircularRowsProps) {
  const { token } = theme.useToken();
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
      {c.rows.map((row) => (
        <li key={row.code} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 12 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 8 }}>
            <strong>
              第{row.overallRank}名 {row.name}
            </strong>
            {row.commended && <Tag color="gold">拟表彰</Tag>}
          </div>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
            {CIRCULAR_MEASURES.map((m) => (
              <div key={m}>
                <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM }}>{MEASURE_TITLES[m]}</div>
                <MeasureCell row={row} m={m} period={c.period} />
              </div>
            ))}
          </div>
          {row.commendationNote && <div style={{ marginTop: 8 }}>表彰说明：{row.commendationNote}</div>}
          {onCommend && (
            <Button size="small" type="link" style={{ padding: 0, marginTop: 4 }} onClick={() => onCommend(row)}>
              {markText(row)}
            </Button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A desk's plain table of the ranking (the 工作台): the same cells as the 通报 page, read-only. */
export function CircularPlainTable({ c }: { c: Circular }) {
  const { token } = theme.useToken();
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  const cell = { padding: `${token.paddingXS}px ${token.paddingSM}px`, borderBottom: line, verticalAlign: 'top' };
  return (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="各县（区）排名表">
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: 900 }}>
        <thead>
          <tr style={{ background: token.colorFillAlter, textAlign: 'left' }}>
            <th style={{ ...cell, textAlign: 'center' }}>综合排名</th>
            <th style={cell}>县（区）</th>
            {CIRCULAR_MEASURES.map((m) => (
              <th key={m} style={cell}>
                {MEASURE_TITLES[m]}
              </th>
            ))}
            <th style={cell}>表彰</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((row) => (
            <tr key={row.code}>
              <td style={{ ...cell, textAlign: 'center' }}>{row.overallRank}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{row.name}</td>
              {CIRCULAR_MEASURES.map((m) => (
                <td key={m} style={cell}>
                  <MeasureCell row={row} m={m} period={c.period} />
                </td>
              ))}
              <td style={cell}>
                <Commendation row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
