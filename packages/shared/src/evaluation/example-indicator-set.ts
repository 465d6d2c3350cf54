import type { IndicatorSetInput } from './indicator-sets.schemas';

/**
 * R-EVAL-2: the example the platform ships, on the plan's four dimensions (六（六）) with the weights DOMAIN-NOTES §6
 * suggests. The plan sets no weights or grade bands, so this is an example for the city to adapt before adopting it,
 * and says so in its name and note.
 */
export const EXAMPLE_INDICATOR_SET: IndicatorSetInput = {
  name: '社工站项目绩效评估指标体系（示例）',
  note:
    '本指标体系为平台提供的示例，依据《实施方案》六（六）“从行政监管、服务成效、项目管理、社会影响等方面”设置，' +
    '分值、等次和合格线均为建议值。请市民政局结合本地实际修改后启用。',
  dimensions: [
    {
      name: '行政监管',
      points: 20,
      groups: [
        {
          name: '合同履约与人员配备',
          points: 12,
          items: [
            {
              name: '驻站社工配备',
              points: 5,
              scoringType: 'graded',
              guide: '每个社工站配备不少于 2 名驻站社工（《实施方案》四（五））；按配足站点占比给分。',
              evidence: '驻站社工名册、劳动合同',
              party: 'purchaser',
              measure: 'staffing',
            },
            {
              name: '社工专业资格',
              points: 4,
              scoringType: 'graded',
              guide: '驻站社工具备社会工作专业学历或社会工作者职业资格；按占比给分。',
              evidence: '学历证书、职业资格证书',
              party: 'purchaser',
              measure: 'qualification',
            },
            {
              name: '协议公告与信息公开',
              points: 3,
              scoringType: 'graded',
              guide: '年度服务协议依法公告（《实施方案》五（三））；承接主体公开基本情况、资质和年度财务报告。',
              evidence: '公告网页截图或链接',
              party: 'purchaser',
              measure: 'disclosure',
            },
          ],
        },
        {
          name: '报告与资金管理',
          points: 8,
          items: [
            {
              name: '报告按时提交',
              points: 5,
              scoringType: 'graded',
              guide: '按时提交月、季度工作简报及中期、末期报告（《实施方案》五（四））；按按时占比给分。',
              evidence: '平台报告记录',
              party: 'purchaser',
              measure: 'reports_on_time',
            },
            {
              name: '资金使用规范',
              points: 3,
              scoringType: 'deduction',
              guide: '专款专用、单独核算；发现挪用、挤占或未单独核算的，每处扣 1 分。',
              evidence: '项目财务账目、票据',
              party: 'third_party',
              measure: null,
            },
          ],
        },
      ],
    },
    {
      name: '项目管理',
      points: 25,
      groups: [
        {
          name: '制度与档案',
          points: 10,
          items: [
            {
              name: '管理制度健全',
              points: 5,
              scoringType: 'combined',
              guide:
                '有人员、财务、志愿者、场所使用、文书档案、服务对象数据库等管理制度，有服务承诺和满意度反馈机制（《实施方案》四（四））；每缺一项扣 1 分。',
              evidence: '制度文本、上墙公示照片（可选）',
              party: 'third_party',
              measure: null,
            },
            {
              name: '服务档案规范',
              points: 5,
              scoringType: 'deduction',
              guide: '抽查个案、小组、社区活动档案，记录完整、规范；每发现一份不合格档案扣 0.5 分。',
              evidence: '平台服务记录及个案档案',
              party: 'third_party',
              measure: null,
            },
          ],
        },
        {
          name: '督导与培训',
          points: 15,
          items: [
            {
              name: '继续教育学时',
              points: 8,
              scoringType: 'graded',
              guide: '驻站社工每年接受继续教育不少于 60 个学时（《实施方案》六（四））；按人均学时达成程度给分。',
              evidence: '平台培训记录',
              party: 'purchaser',
              measure: 'training_hours',
            },
            {
              name: '专业督导开展',
              points: 7,
              scoringType: 'graded',
              guide:
                '承接主体建立内部督导机制，定期开展专业督导并跟进督导意见（《实施方案》六（六））；按参加督导的驻站社工占比给分。',
              evidence: '平台督导记录',
              party: 'third_party',
              measure: 'supervision',
            },
          ],
        },
      ],
    },
    {
      name: '服务成效',
      points: 45,
      groups: [
        {
          name: '服务开展',
          points: 30,
          items: [
            {
              name: '年度服务计划完成',
              points: 12,
              scoringType: 'combined',
              guide: '对照年度服务计划和附件2服务内容，核查个案、小组、社区活动等服务数量。',
              evidence: '平台服务记录（按领域和服务方式）',
              party: 'purchaser',
              measure: 'service_records',
            },
            {
              name: '走访完成',
              points: 8,
              scoringType: 'graded',
              guide: '按风险等级对应的走访周期完成走访；按走访完成率给分。',
              evidence: '平台走访记录',
              party: 'purchaser',
              measure: 'visits',
            },
            {
              name: '服务质量',
              points: 10,
              scoringType: 'graded',
              guide: '个案、小组和社区活动专业规范，需求评估、计划、介入、评估完整，目标达成。',
              evidence: '个案档案、活动记录、实地走访',
              party: 'third_party',
              measure: null,
            },
          ],
        },
        {
          name: '困难群众保障',
          points: 8,
          items: [
            {
              name: '预警处置',
              points: 4,
              scoringType: 'graded',
              guide: '发现的疑似虐待、家庭暴力等风险及时预警并处置；按处置占比给分。',
              evidence: '平台预警记录',
              party: 'purchaser',
              measure: 'alerts_handled',
            },
            {
              name: '转介与资源链接',
              points: 4,
              scoringType: 'graded',
              guide: '协助服务对象申请救助政策、链接社会资源；按已获得帮扶的转介占比给分。',
              evidence: '平台转介记录',
              party: 'purchaser',
              measure: 'referrals_obtained',
            },
          ],
        },
        {
          name: '服务对象满意度',
          points: 7,
          items: [
            {
              name: '满意度',
              points: 7,
              scoringType: 'graded',
              guide: '随机抽取服务对象回访及站点满意度反馈，按满意率给分。',
              evidence: '满意度回访记录',
              party: 'beneficiary',
              measure: 'satisfaction',
            },
          ],
        },
      ],
    },
    {
      name: '社会影响',
      points: 10,
      groups: [
        {
          name: '宣传与社会参与',
          points: 10,
          items: [
            {
              name: '宣传报道',
              points: 4,
              scoringType: 'combined',
              guide: '服务成效在县级以上媒体或民政系统宣传报道，每篇 1 分，最高 4 分。',
              evidence: '报道链接或刊物',
              party: 'purchaser',
              measure: null,
            },
            {
              name: '志愿者与社区社会组织培育',
              points: 6,
              scoringType: 'graded',
              guide: '培育志愿服务队伍和社区社会组织，动员社会力量参与服务。',
              evidence: '志愿者名册、活动记录',
              party: 'third_party',
              measure: null,
            },
          ],
        },
      ],
    },
  ],
  bands: [
    { label: '优秀', min: 90 },
    { label: '良好', min: 80 },
    { label: '合格', min: 60 },
    { label: '不合格', min: 0 },
  ],
  passLine: 60,
  combination: { midtermWeight: 40, finalWeight: 60, spotCheck: 'veto' },
};
