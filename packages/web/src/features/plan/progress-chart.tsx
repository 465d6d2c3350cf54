import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ProgressReport } from '@shegong/shared';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Below this width the unit names no longer fit under the bars: the chart lies on its side, one line per unit. */
const NARROW = 600;
const SERIES = [
  { name: '计划', key: 'planned', color: '#d9d9d9' },
  { name: '已登记', key: 'registered', color: '#91caff' },
  { name: '建成', key: 'built', color: '#1677ff' },
  { name: '运营中', key: 'operating', color: '#52c41a' },
] as const;

function optionFor(report: ProgressReport, narrow: boolean) {
  const names = report.rows.map((r) => r.name);
  const category = { type: 'category', data: names, axisLabel: { interval: 0 } };
  const value = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: SERIES.map((s) => s.name) },
    grid: narrow
      ? { left: 8, right: 16, bottom: 8, top: 36, containLabel: true }
      : { left: 40, right: 16, bottom: 60, top: 48 },
    xAxis: narrow
      ? value
      : { ...category, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, hideOverlap: true } },
    // On a phone the first unit reads at the top, as in the table below.
    yAxis: narrow ? { ...category, inverse: true } : value,
    series: SERIES.map((s) => ({
      name: s.name,
      type: 'bar',
      data: report.rows.map((r) => r.total[s.key]),
      itemStyle: { color: s.color },
    })),
  };
}

/** Planned vs built per unit (R-PLAN-1), as a grouped bar chart; horizontal on a phone so no label overlaps. */
export function ProgressChart({ report }: { report: ProgressReport }) {
  const el = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.innerWidth < NARROW);
  useEffect(() => {
    if (!el.current) return;
    const w = el.current.clientWidth;
    if (w && w < NARROW !== narrow) return setNarrow(w < NARROW);
    const chart = echarts.init(el.current);
    chart.setOption(optionFor(report, narrow));
    const onResize = () => {
      const now = (el.current?.clientWidth ?? window.innerWidth) < NARROW;
      if (now !== narrow) setNarrow(now);
      else chart.resize();
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [report, narrow]);
  // Lying on its side, the chart grows with the number of units (four bars each).
  const height = narrow ? Math.max(320, 56 + report.rows.length * 64) : 320;
  return <div ref={el} role="img" aria-label="建设进度图" style={{ width: '100%', height }} />;
}
