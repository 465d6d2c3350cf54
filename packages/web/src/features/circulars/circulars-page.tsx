import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Grid, Select, Space, Spin } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { CIRCULAR_MEASURE_LABELS, CIRCULAR_MEASURES } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { periodOptions, periodWords } from './circular-periods';
import { CircularPrint } from './circular-print';
import { CircularTable } from './circular-table';
import type { CircularRow } from './circular-words';
import { CommendDialog } from './commend-dialog';
import { downloadCircular, useCircular } from './circulars.api';

/**
 * 通报 (R-REP-4, 《实施方案》六（七）"市民政部门要定期通报各县（区）工作进展情况"): the city's units ranked on each
 * measure and overall, the city's marks for commendation, 导出 Excel and 打印. A county sees its own row and its place.
 */
export function CircularsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') || undefined;
  const { data, error, isLoading } = useCircular({ period: asked });
  const narrow = Grid.useBreakpoint().md === false;
  const [marking, setMarking] = useState<CircularRow | null>(null);
  const [busy, setBusy] = useState(false);
  const period = data?.period ?? asked ?? '';
  async function exportXlsx() {
    setBusy(true);
    try {
      await downloadCircular(period || undefined);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <div className="circular-screen">
        <PageHeader
          title="通报"
          crumbs={[{ title: '工作台', to: '/' }, { title: '统计分析' }, { title: '通报' }]}
          extra={
            <Space wrap>
              <Button icon={<DownloadOutlined />} loading={busy} disabled={!data} onClick={exportXlsx}>
                导出 Excel
              </Button>
              <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()}>
                打印
              </Button>
            </Space>
          }
        />
        <Card style={{ marginBottom: 16 }}>
          <Form layout={narrow ? 'vertical' : 'inline'}>
            <Form.Item label="期间" style={{ marginBottom: 0 }}>
              <Select
                aria-label="期间"
                value={period || undefined}
                style={{ width: narrow ? '100%' : 200 }}
                options={periodOptions(Number(period.slice(0, 4)), false)}
                onChange={(v: string) => setParams({ period: v }, { replace: true })}
              />
            </Form.Item>
          </Form>
        </Card>
        {error && <Alert type="error" showIcon message={(error as Error).message} style={{ marginBottom: 16 }} />}
        {isLoading && <Spin />}
        {data && (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              message={`${periodWords(data)}：名次在全市 ${data.unitCount} 个县（区）中排列，1 为最好；综合排名按各项名次的平均。`}
              description={
                <>
                  指标：{CIRCULAR_MEASURES.map((m) => CIRCULAR_MEASURE_LABELS[m]).join('；')}
                  。没有可比数据的项（如没有应报报告、没有运营站点）不参与该项排名。只比较县（区），不对个人排名。
                  {data.rows.length === 1 && data.unitCount > 1 && ' 县（区）只能查看本单位的名次。'}
                </>
              }
            />
            <Card title="各县（区）排名" styles={{ body: narrow ? { padding: 12 } : undefined }}>
              <CircularTable
                c={data}
                narrow={narrow}
                onCommend={data.abilities.commend ? (row) => setMarking(row) : undefined}
              />
            </Card>
          </>
        )}
      </div>
      {data && <CircularPrint c={data} scope={user?.divisionName ?? ''} />}
      {data && <CommendDialog row={marking} period={data.period} onClose={() => setMarking(null)} />}
    </>
  );
}
