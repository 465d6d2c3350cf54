import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ProgressReport } from '@shegong/shared';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Planned vs built per unit (R-PLAN-1), as a grouped bar chart. */
export function ProgressChart({ report }: { report: ProgressReport }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const names = report.rows.map((r) => r.name);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['计划', '已登记', '建成', '运营中'] },
      grid: { left: 40, right: 16, bottom: 60, top: 48 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '计划', type: 'bar', data: report.rows.map((r) => r.total.planned), itemStyle: { color: '#d9d9d9' } },
        {
          name: '已登记',
          type: 'bar',
          data: report.rows.map((r) => r.total.registered),
          itemStyle: { color: '#91caff' },
        },
        { name: '建成', type: 'bar', data: report.rows.map((r) => r.total.built), itemStyle: { color: '#1677ff' } },
        {
          name: '运营中',
          type: 'bar',
          data: report.rows.map((r) => r.total.operating),
          itemStyle: { color: '#52c41a' },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [report]);
  return <div ref={el} role="img" aria-label="建设进度图" style={{ width: '100%', height: 320 }} />;
}
