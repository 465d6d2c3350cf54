import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendMonth {
  /** `YYYY-MM`. */
  month: string;
  records: number;
  /** Reports of periods beginning that month on time / expected, in %; null when none was expected. */
  timeliness: number | null;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The city's trend by month (工作台): service records and reports on time. A point opens what it counts: the month's
 * service records, or the reports of periods beginning that month.
 */
export function CityTrendChart({ months }: { months: TrendMonth[] }) {
  const el = useRef<HTMLDivElement>(null);
  const nav = useNavigate();
  const option = useMemo(
    () => ({
      // Drawn at once: a figure read at a glance (and a screenshot or print) never catches it half-drawn.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['服务记录（条）', '报告及时率（%）'] },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`) },
      yAxis: [
        { type: 'value', minInterval: 1, name: '条' },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
      ],
      series: [
        {
          name: '服务记录（条）',
          type: 'line',
          data: months.map((m) => m.records),
          itemStyle: { color: '#0958d9' },
        },
        {
          name: '报告及时率（%）',
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: months.map((m) => m.timeliness),
          itemStyle: { color: '#d46b08' },
        },
      ],
    }),
    [months],
  );
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    chart.on('click', (p) => {
      const m = months[p.dataIndex];
      if (!m) return;
      if (p.seriesIndex === 0) nav(`/services?from=${m.month}-01&to=${lastDay(m.month)}`);
      else nav(`/reports?period=${m.month}`);
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option, months, nav]);
  return (
    <div
      ref={el}
      role="img"
      aria-label="按月份的服务记录和报告及时率趋势图（点按月份打开对应记录）"
      style={{ width: '100%', height: 260 }}
    />
  );
}
