import { AuditOutlined, BarChartOutlined, BankOutlined, HomeOutlined, TeamOutlined, GlobalOutlined } from '@ant-design/icons';
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
  { key: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'users:read' },
  { key: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
  { key: '/directory', label: '社工站公开目录', icon: <GlobalOutlined /> },
];
