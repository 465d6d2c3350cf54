import {
  AccountBookOutlined,
  MessageOutlined,
  SmileOutlined,
  HeartOutlined,
  PieChartOutlined,
  ReadOutlined,
  IdcardOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  LineChartOutlined,
  TrophyOutlined,
  HomeOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  GlobalOutlined,
  SafetyOutlined,
  CheckSquareOutlined,
  ToolOutlined,
  CommentOutlined,
  OrderedListOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shegong/shared';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
}

/** Menus by role (UX.md): an entry shows when the role holds its permission. */
export const MENU: MenuEntry[] = [
  { key: '/', label: '工作台', icon: <HomeOutlined /> },
  { key: '/progress', label: '建设进度', icon: <BarChartOutlined />, permission: 'plan:read' },
  { key: '/stations', label: '社工站', icon: <BankOutlined />, permission: 'stations:read' },
  { key: '/county-centres', label: '县级社工中心', icon: <BankOutlined />, permission: 'stations:read' },
  { key: '/organisations', label: '社会组织', icon: <ShopOutlined />, permission: 'organisations:read' },
  { key: '/purchase-plans', label: '年度购买计划', icon: <SolutionOutlined />, permission: 'purchase:read' },
  { key: '/procurements', label: '采购', icon: <FileDoneOutlined />, permission: 'purchase:read' },
  { key: '/contracts', label: '合同', icon: <FileProtectOutlined />, permission: 'contracts:read' },
  { key: '/compliance', label: '合同合规', icon: <SafetyOutlined />, permission: 'purchase:read' },
  { key: '/staff-overview', label: '队伍概况', icon: <PieChartOutlined />, permission: 'plan:read' },
  { key: '/workers', label: '社工名册', icon: <IdcardOutlined />, permission: 'workers:read' },
  { key: '/trainings', label: '培训', icon: <ReadOutlined />, permission: 'workers:read' },
  { key: '/payroll', label: '薪酬社保', icon: <AccountBookOutlined />, permission: 'payroll:read' },
  { key: '/beneficiaries', label: '服务对象', icon: <HeartOutlined />, permission: 'beneficiaries:read' },
  { key: '/services', label: '服务记录', icon: <FileDoneOutlined />, permission: 'services:read' },
  { key: '/visits', label: '待走访', icon: <SolutionOutlined />, permission: 'services:read' },
  { key: '/statistics', label: '服务统计', icon: <BarChartOutlined />, permission: 'services:read' },
  { key: '/cases', label: '个案', icon: <ReadOutlined />, permission: 'services:read' },
  { key: '/alerts', label: '预警', icon: <SafetyOutlined />, permission: 'alerts:read' },
  { key: '/referrals', label: '转介', icon: <FileDoneOutlined />, permission: 'services:read' },
  { key: '/reports', label: '报告', icon: <FileTextOutlined />, permission: 'reports:read' },
  // 统计分析/通报 (R-REP-3, R-REP-4) for the city and the counties: plan:read is theirs alone among report readers.
  { key: '/timeliness', label: '完成及时率', icon: <LineChartOutlined />, permission: 'plan:read' },
  { key: '/circulars', label: '通报', icon: <TrophyOutlined />, permission: 'plan:read' },
  // 督导评估 (R-EVAL-1…4): rounds, rectification, and the indicator sets they score on.
  { key: '/evaluations', label: '评估', icon: <CheckSquareOutlined />, permission: 'evaluations:read' },
  { key: '/rectifications', label: '整改', icon: <ToolOutlined />, permission: 'evaluations:read' },
  // 满意度与投诉 (R-EVAL-3): the rate per station with its call-backs, and complaints to answer and close.
  { key: '/satisfaction', label: '满意度', icon: <SmileOutlined />, permission: 'complaints:read' },
  { key: '/complaints', label: '投诉', icon: <MessageOutlined />, permission: 'complaints:read' },
  { key: '/supervision', label: '督导', icon: <CommentOutlined />, permission: 'supervision:read' },
  { key: '/indicator-sets', label: '评估指标体系', icon: <OrderedListOutlined />, permission: 'evaluations:read' },
  { key: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'users:read' },
  { key: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
  { key: '/directory', label: '社工站公开目录', icon: <GlobalOutlined /> },
];
