import {
  BENEFICIARY_CATEGORIES,
  CATEGORY_LABELS,
  CATEGORY_SHORT,
  DISABILITY_GRADE_LABELS,
  DISABILITY_KIND_LABELS,
  NO_ID_REASON_LABELS,
  TEKUN_FORM_LABELS,
  type BeneficiaryCategory,
  type DisabilityGrade,
  type DisabilityKind,
  type NoIdReason,
  type TekunForm,
} from '@shegong/shared';
import type { ImportSpec } from '../../platform/http/import-spec';
import { importTemplate } from '../../platform/http/import-workbooks';

// The beneficiaries' import (R-SVC-1): the template's columns and the names the assistance systems' rosters give them
// (民政 低保/特困 rosters, the 残联 disabled persons' list). A 低保 roster lists households: each row is one person
// (the head of household when only 户主 columns are there).

/** Rows one beneficiaries import takes: a county's whole roster (the platform's default is 5,000). */
export const BENEFICIARY_IMPORT_MAX_ROWS = 100_000;
/** 100,000 rows of .xlsx are about 6 MB; .csv about 12 MB. */
export const BENEFICIARY_IMPORT_MAX_BYTES = 40 * 1024 * 1024;

/** Each label a roster writes for a code, the canonical one first. */
const labelsOf = <K extends string>(labels: Record<K, string>, more: Partial<Record<K, string[]>> = {}) =>
  new Map(
    (Object.keys(labels) as K[]).flatMap((k) => [labels[k], ...(more[k] ?? [])].map((l) => [l, k] as [string, K])),
  );

export const CATEGORY_OF = labelsOf<BeneficiaryCategory>(CATEGORY_LABELS, {
  ...Object.fromEntries(BENEFICIARY_CATEGORIES.map((c) => [c, [CATEGORY_SHORT[c]]])),
  dibao: ['低保', '低保对象', '低保户', '城市低保', '农村低保', '城乡低保', '最低生活保障', '低保人员'],
  tekun: ['特困', '特困供养', '特困供养人员', '特困供养对象', '五保', '五保户', '农村五保'],
  temporary_relief: ['临时救助', '临时救助人员'],
  homeless: ['流浪乞讨', '流浪乞讨人员', '流浪人员'],
  unsupported_child: ['事实无人抚养', '事实无人抚养儿童'],
  left_behind_child: ['留守儿童'],
  hardship_elder: ['特殊困难老人', '特困老人', '困难老人'],
  disabled: ['残疾', '残疾人员', '持证残疾人'],
  mental_disorder: ['精神障碍', '严重精神障碍患者'],
  community_correction: ['社区矫正', '社区矫正人员'],
  drug_rehab: ['戒毒康复', '社区戒毒', '社区康复'],
});
export const TEKUN_FORM_OF = labelsOf<TekunForm>(TEKUN_FORM_LABELS, {
  dispersed: ['分散', '分散供养特困'],
  centralised: ['集中', '集中供养特困', '敬老院供养'],
});
export const DISABILITY_KIND_OF = labelsOf<DisabilityKind>(DISABILITY_KIND_LABELS, {
  visual: ['视力'],
  hearing: ['听力'],
  speech: ['言语'],
  physical: ['肢体'],
  intellectual: ['智力'],
  mental: ['精神'],
  multiple: ['多重'],
});
export const DISABILITY_GRADE_OF = labelsOf<DisabilityGrade>(DISABILITY_GRADE_LABELS, {
  '1': ['1', '1级', '一', '壹级'],
  '2': ['2', '2级', '二', '贰级'],
  '3': ['3', '3级', '三', '叁级'],
  '4': ['4', '4级', '四', '肆级'],
});
export const NO_ID_REASON_OF = labelsOf<NoIdReason>(NO_ID_REASON_LABELS, {
  homeless_unknown: ['身份不明', '流浪人员'],
  never_registered: ['未办理身份证', '无户籍', '未落户'],
  refused: ['拒绝提供'],
  lost: ['证件遗失', '遗失'],
});
export const GENDER_OF = new Map<string, 'male' | 'female'>([
  ['男', 'male'],
  ['女', 'female'],
  ['男性', 'male'],
  ['女性', 'female'],
]);

const options = (m: Map<string, string>) => [...m.keys()];

/** The template (R-SVC-1): the single create's fields, a category period, and where the person is served. */
export const BENEFICIARY_SPEC: ImportSpec = {
  nameColumn: '姓名',
  columns: [
    {
      column: '姓名',
      kind: 'text',
      required: true,
      synonyms: ['户主姓名', '成员姓名', '人员姓名', '救助对象姓名', '供养人员姓名', '残疾人姓名', '对象姓名', '名字'],
    },
    {
      column: '身份证号',
      kind: 'id',
      synonyms: [
        '身份证',
        '身份证号码',
        '公民身份号码',
        '公民身份证号码',
        '身份证件号码',
        '证件号码',
        '证件号',
        '户主身份证号',
        '户主身份证号码',
        '成员身份证号',
        '成员身份证号码',
      ],
    },
    { column: '无身份证号原因', kind: 'choice', options: options(NO_ID_REASON_OF), synonyms: ['无证原因'] },
    { column: '性别', kind: 'choice', options: options(GENDER_OF) },
    { column: '出生年份', kind: 'text', synonyms: ['出生年', '出生年度', '估计出生年份'] },
    {
      column: '联系电话',
      kind: 'phone',
      synonyms: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '家庭电话', '户主电话'],
    },
    {
      column: '村（社区）',
      kind: 'text',
      synonyms: [
        '村',
        '社区',
        '村社区',
        '村(居)委会',
        '村（居）委会',
        '村居',
        '所属村',
        '所在村',
        '村委会',
        '行政村',
        '居委会',
      ],
    },
    {
      column: '住址',
      kind: 'text',
      synonyms: ['家庭住址', '家庭地址', '居住地址', '现住址', '户籍地址', '户籍地', '地址', '详细地址', '住所'],
    },
    {
      column: '所属社工站',
      kind: 'text',
      synonyms: ['社工站', '服务站点', '社会工作服务站', '乡镇社工站', '所在社工站', '服务社工站'],
    },
    {
      column: '乡镇（街道）',
      kind: 'text',
      synonyms: [
        '乡镇',
        '街道',
        '乡镇街道',
        '乡镇(街道)',
        '所属乡镇',
        '所在乡镇',
        '乡（镇）',
        '乡镇（办事处）',
        '办事处',
      ],
    },
    {
      column: '类别',
      kind: 'choice',
      options: options(CATEGORY_OF),
      synonyms: ['人员类别', '对象类别', '救助类别', '服务对象类别', '保障类别'],
    },
    {
      column: '开始日期',
      kind: 'date',
      synonyms: [
        '享受起始日期',
        '享受开始日期',
        '起始日期',
        '审批日期',
        '审批时间',
        '批准日期',
        '批准时间',
        '纳入时间',
        '纳入日期',
        '保障起始日期',
        '救助开始日期',
        '供养开始日期',
        '供养开始时间',
        '享受时间',
        '认定日期',
        '认定时间',
        '发证日期',
        '开始时间',
      ],
    },
    { column: '结束日期', kind: 'date', synonyms: ['截止日期', '终止日期', '停保日期', '退出日期', '享受截止日期'] },
    { column: '来源', kind: 'text', synonyms: ['数据来源', '名册来源'] },
    { column: '供养方式', kind: 'choice', options: options(TEKUN_FORM_OF), synonyms: ['供养形式', '特困供养方式'] },
    { column: '残疾类别', kind: 'choice', options: options(DISABILITY_KIND_OF), synonyms: ['残疾类型', '残疾种类'] },
    { column: '残疾等级', kind: 'choice', options: options(DISABILITY_GRADE_OF), synonyms: ['残疾级别'] },
    { column: '监护人姓名', kind: 'text', synonyms: ['监护人'] },
    { column: '监护人关系', kind: 'text', synonyms: ['与监护人关系', '监护关系', '监护人与本人关系'] },
    { column: '监护人电话', kind: 'phone', synonyms: ['监护人联系电话', '监护人手机'] },
  ],
};
export const BENEFICIARY_COLUMNS = BENEFICIARY_SPEC.columns.map((c) => c.column);

/** The data sheet with the header only; the 填写说明 sheet holds the rules and a valid example row. */
export const beneficiaryTemplate = () =>
  importTemplate({
    sheet: '服务对象名单',
    spec: BENEFICIARY_SPEC,
    example: [
      '王秀英',
      '410928195203151226',
      '',
      '',
      '',
      '13812345678',
      '前柳屯村',
      '前柳屯村三组 12 号',
      '柳屯镇社会工作服务站',
      '',
      '最低生活保障对象',
      '2025-03-01',
      '',
      '县民政局低保名册 2025-03',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  });
