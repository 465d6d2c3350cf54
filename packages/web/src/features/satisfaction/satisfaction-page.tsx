import { useSearchParams } from 'react-router';
import { Tabs, Typography } from 'antd';
import { PageHeader } from '../../components/page-header';
import { useAuth } from '../../app/auth';
import { RatesTab } from './rates-tab';
import { ResponsesTab } from './responses-tab';
import { SurveysTab } from './surveys-tab';

/**
 * 满意度 (R-EVAL-3, 《实施方案》四（四）、五（六）): the rate per station from both channels, the answers themselves, and —
 * for the county and the city — the random call-back samples, so satisfaction does not rest on who chose to answer.
 * The open tab lives in the address (`?tab=`).
 */
export function SatisfactionPage() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { key: 'rates', label: '各站满意度', children: <RatesTab /> },
    { key: 'responses', label: '评价记录', children: <ResponsesTab /> },
    ...(can('satisfaction:survey') ? [{ key: 'surveys', label: '随机回访', children: <SurveysTab /> }] : []),
  ];
  const tab = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'rates';
  return (
    <>
      <PageHeader title="满意度" crumbs={[{ title: '工作台', to: '/' }, { title: '满意度' }]} />
      <Typography.Paragraph type="secondary">
        服务对象通过社工站公开页面的二维码评价，县（区）、市级民政部门从期间内的服务对象中随机抽取回访；总体评价为“满意”或“非常满意”的计为满意（《实施方案》四（四）、五（六））。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        items={tabs}
        destroyOnHidden
        onChange={(k) => {
          const next = new URLSearchParams();
          next.set('tab', k);
          setParams(next, { replace: true });
        }}
      />
    </>
  );
}
