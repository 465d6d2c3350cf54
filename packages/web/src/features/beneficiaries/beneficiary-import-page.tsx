import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Form, Select, Table, Typography } from 'antd';
import {
  BENEFICIARY_CATEGORIES,
  CATEGORY_LABELS,
  type BeneficiaryCategory,
  type BeneficiaryImportResult,
} from '@shegong/shared';
import { ExcelImport } from '../../components/excel-import';
import { PageHeader } from '../../components/page-header';
import { beneficiaryKeys } from './beneficiaries.api';

const base = '/api/v1/beneficiaries';
const withCategory = (url: string, category: BeneficiaryCategory | undefined) =>
  category ? `${url}${url.includes('?') ? '&' : '?'}category=${category}` : url;

const OUTCOME: Record<BeneficiaryImportResult['preview'][number]['outcome'], string> = {
  new: '新增',
  matched: '匹配',
  unchanged: '无变化',
};

/** After a check: how many people are new, matched (and what is added to them) or already on record, row by row. */
function ImportPreview({ result }: { result: BeneficiaryImportResult }) {
  const { added, matched, unchanged } = result.summary;
  const clean = result.issues.length === 0;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {clean ? '导入后将' : '问题改正后将'}：新增 {added} 人 / 匹配 {matched} 人（将补充类别或信息）/ 无变化{' '}
        {unchanged} 人
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        已登记的人按身份证号匹配（全市一人一条记录）：类别按时段追加，不覆盖历史；只补充原来为空的信息，不改动已登记的内容。
        {result.preview.length < added + matched + unchanged && `下表列出前 ${result.preview.length} 行。`}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="row"
        dataSource={result.preview}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '行', dataIndex: 'row', width: 64 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '结果', dataIndex: 'outcome', width: 80, render: (o: keyof typeof OUTCOME) => OUTCOME[o] },
          {
            title: '将补充的内容',
            dataIndex: 'changes',
            render: (changes: string[]) =>
              changes.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}

/**
 * 导入服务对象名单 (R-SVC-1): a 低保, 特困 or 残疾人 roster from the assistance systems, with the category for the whole
 * file when the roster has no 类别 column; a check shows each row new, matched or unchanged, then all rows at once.
 */
export function BeneficiaryImportPage() {
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<BeneficiaryCategory>();
  return (
    <>
      <PageHeader
        title="导入服务对象名单"
        crumbs={[{ title: '服务对象', to: '/beneficiaries' }, { title: '导入名单' }]}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item
            label="整个文件的类别"
            htmlFor="import-category"
            extra="低保、特困等名册通常没有“类别”列：在此选择后，文件中每一行都按此类别登记（文件中有“类别”列时以该列为准）。"
            style={{ marginBottom: 0 }}
          >
            <Select
              id="import-category"
              allowClear
              placeholder="按文件中的“类别”列"
              value={category}
              onChange={setCategory}
              options={BENEFICIARY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <ExcelImport<BeneficiaryImportResult>
        // A new category is a new check: the previous answer no longer applies.
        key={category ?? ''}
        title="从 Excel/CSV 导入名单"
        templateUrl={`${base}/template.xlsx`}
        templateName="服务对象名单导入模板.xlsx"
        importUrl={(dryRun) => withCategory(`${base}/import?dryRun=${dryRun}`, category)}
        problemsUrl={withCategory(`${base}/import/problems`, category)}
        onDone={() => void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.all })}
        renderResult={(result) => <ImportPreview result={result} />}
      />
    </>
  );
}
