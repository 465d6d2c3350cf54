import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ServiceStatistics } from '@shegong/shared';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts instance in a div, resized with the window and disposed with the component. */
function Chart({ option, label, height }: { option: echarts.EChartsCoreOption; label: string; height: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

/** Records by 附件2 domain (horizontal bars: the names fit on a phone) and by month (records and person-services). */
export function StatisticsCharts({ s, domainNames }: { s: ServiceStatistics; domainNames: Map<number, string> }) {
  const [byDomain, byMonth, rows] = useMemo(() => options(s, domainNames), [s, domainNames]);
  return (
    <>
      <Chart option={byDomain} label="按服务领域的服务记录图" height={Math.max(200, 60 + rows * 44)} />
      {s.byMonth.length > 1 && <Chart option={byMonth} label="按月份的服务记录图" height={240} />}
    </>
  );
}

function options(s: ServiceStatistics, domainNames: Map<number, string>) {
  const domains = s.byDomain.map((d) => domainNames.get(d.domainCode) ?? `领域${d.domainCode}`);
  const byDomain = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['服务记录', '服务人次'] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: domains, inverse: true },
    series: [
      { name: '服务记录', type: 'bar', data: s.byDomain.map((d) => d.records), itemStyle: { color: '#1677ff' } },
      { name: '服务人次', type: 'bar', data: s.byDomain.map((d) => d.personServices), itemStyle: { color: '#52c41a' } },
    ],
  };
  const byMonth = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['服务记录', '服务人次'] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: s.byMonth.map((m) => `${Number(m.month.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '服务记录', type: 'line', data: s.byMonth.map((m) => m.records), itemStyle: { color: '#1677ff' } },
      { name: '服务人次', type: 'line', data: s.byMonth.map((m) => m.personServices), itemStyle: { color: '#52c41a' } },
    ],
  };
  return [byDomain, byMonth, domains.length] as const;
}
