import { App, Button, Form, Input, Typography, type FormInstance } from 'antd';
import {
  REPORT_SECTION_LABELS,
  REPORT_SECTION_MAX,
  REPORT_SECTIONS,
  type ReportNarrative,
  type ReportView,
} from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { useSaveNarrative } from './reports.api';

const HELP: Record<string, string> = {
  work_done: '本期开展的主要工作（数字已自动生成，这里写数字之外的情况）',
  highlights: '有代表性的服务案例、成效和群众反映',
  problems: '工作中遇到的困难和问题',
  next_steps: '下一阶段的工作安排',
  experience: '可推广的做法和体会',
};

/**
 * Saving the narrative (R-REP-3: people write only the words; the figures are computed). Gives the new version, or
 * null when the server refused it: its objections go on their fields and what was typed stays in the form.
 */
export function useNarrativeSave(r: ReportView | undefined, form: FormInstance) {
  const { message } = App.useApp();
  const save = useSaveNarrative(r?.id ?? '');
  return {
    pending: save.isPending,
    async run(onlyIfChanged: boolean): Promise<number | null> {
      if (!r) return null;
      if (onlyIfChanged && !form.isFieldsTouched()) return r.version;
      try {
        const narrative = (await form.validateFields()) as ReportNarrative;
        const saved = await save.mutateAsync({ version: r.version, narrative: clean(narrative) });
        form.resetFields(); // the saved text becomes the form's starting point (it equals what was typed)
        form.setFieldsValue(saved.narrative);
        message.success('已保存');
        return saved.version;
      } catch (e) {
        if (e instanceof ApiError) {
          form.setFields(
            Object.entries(e.fieldErrors).map(([k, v]) => ({ name: k.replace(/^narrative\./, ''), errors: [v] })),
          );
          message.error(
            e.code === 'VERSION_CONFLICT' ? '报告已被他人修改：请复制您的文字，刷新页面后再保存' : e.message,
          );
        }
        return null;
      }
    },
  };
}

const clean = (n: ReportNarrative) =>
  Object.fromEntries(REPORT_SECTIONS.map((s) => [s, n[s] ?? ''])) as ReportNarrative;

/** The narrative sections: a form while the author may edit, the text otherwise. */
export function NarrativeEditor({
  r,
  form,
  onSave,
  saving,
}: {
  r: ReportView;
  form: FormInstance;
  onSave: () => void;
  saving: boolean;
}) {
  if (!r.abilities.edit)
    return (
      <>
        {REPORT_SECTIONS.map((s, i) => (
          <section key={s} style={{ marginBottom: 16 }}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {'一二三四五'[i]}、{REPORT_SECTION_LABELS[s]}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={r.narrative[s] ? undefined : 'secondary'}>
              {r.narrative[s] || '（未填写）'}
            </Typography.Paragraph>
          </section>
        ))}
      </>
    );
  return (
    // A new state (returned, reopened) starts the form again from the saved text; saving keeps what was typed.
    <Form key={r.status} form={form} layout="vertical" initialValues={r.narrative} name="report-narrative">
      {REPORT_SECTIONS.map((s, i) => (
        <Form.Item
          key={s}
          name={s}
          label={`${'一二三四五'[i]}、${REPORT_SECTION_LABELS[s]}`}
          rules={[{ max: REPORT_SECTION_MAX, message: `每一部分不超过 ${REPORT_SECTION_MAX} 字` }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} placeholder={HELP[s]} />
        </Form.Item>
      ))}
      <Button type="primary" onClick={onSave} loading={saving}>
        保存文字
      </Button>
    </Form>
  );
}
