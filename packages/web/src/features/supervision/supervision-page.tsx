import { useSearchParams } from 'react-router';
import { Tabs } from 'antd';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { Paragraph } from '../../components/text';
import { MySupervision } from './my-supervision';
import { SupervisionHoursTab } from './supervision-hours-tab';
import { SupervisionReviewsTab } from './supervision-reviews-tab';
import { SupervisionSessionsTab } from './supervision-sessions-tab';

const TABS = ['sessions', 'reviews', 'hours'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => !!v && (TABS as readonly string[]).includes(v);

/**
 * 督导 (R-EVAL-4, 《实施方案》六（六）“建立专业督导机制”): the contractor records supervision sessions and review comments;
 * officers read them; each worker's hours per year. A social worker gets their own view, made for the phone: their
 * hours this year and the comments waiting for their answer. The tab lives in the address (`?tab=reviews`).
 */
export function SupervisionPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'sessions';
  const header = <PageHeader title="督导" crumbs={[{ title: '工作台', to: '/' }, { title: '督导' }]} />;
  if (user?.role === 'social_worker')
    return (
      <>
        {header}
        <MySupervision />
      </>
    );
  return (
    <>
      {header}
      <Paragraph type="secondary">
        承接机构建立专业督导机制，由内部督导和外部督导为驻站社工开展督导，抽查个案档案和服务记录并提出督导意见，社工逐条回复（《实施方案》六（六）、五（六））。
      </Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'sessions' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'sessions', label: '督导记录', children: <SupervisionSessionsTab /> },
          { key: 'reviews', label: '督导意见', children: <SupervisionReviewsTab /> },
          { key: 'hours', label: '督导学时', children: <SupervisionHoursTab /> },
        ]}
      />
    </>
  );
}
