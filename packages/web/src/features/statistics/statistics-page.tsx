import { PageHeader } from '../../components/page-header';
import { StatisticsPanel } from './statistics-panel';

/** 服务统计: the caller's whole scope (a unit compares its stations, the city its units). */
export function StatisticsPage() {
  return (
    <>
      <PageHeader title="服务统计" crumbs={[{ title: '工作台', to: '/' }, { title: '服务统计' }]} />
      <StatisticsPanel />
    </>
  );
}
