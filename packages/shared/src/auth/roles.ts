import { z } from 'zod';

// Roles of R-SCOPE / 二; contractor and social-worker roles arrive with later issues.
export const ROLES = ['city_admin', 'city_officer', 'county_admin', 'county_officer', 'township_liaison'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市级管理员',
  city_officer: '市民政局工作人员',
  county_admin: '县（区）管理员',
  county_officer: '县（区）民政局工作人员',
  township_liaison: '乡镇（街道）联络员',
};

/** The division level a role's scope must sit at. */
export const ROLE_LEVEL: Record<Role, 'city' | 'county' | 'township'> = {
  city_admin: 'city',
  city_officer: 'city',
  county_admin: 'county',
  county_officer: 'county',
  township_liaison: 'township',
};

export const PERMISSIONS = [
  'users:read',
  'users:manage',
  'stations:read',
  'stations:write',
  'plan:read',
  'audit:read',
  'export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// What each role may do; *which* records is the scope's business (DESIGN §4).
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: ['users:read', 'users:manage', 'stations:read', 'plan:read', 'audit:read', 'export'],
  city_officer: ['stations:read', 'plan:read', 'export'],
  county_admin: ['users:read', 'users:manage', 'stations:read', 'stations:write', 'plan:read', 'export'],
  county_officer: ['stations:read', 'stations:write', 'plan:read', 'export'],
  township_liaison: ['stations:read'],
};

/** Roles a manager may hand out: a county administrator only county and township roles. */
export function assignableRoles(role: Role): Role[] {
  if (role === 'city_admin') return [...ROLES];
  if (role === 'county_admin') return ['county_admin', 'county_officer', 'township_liaison'];
  return [];
}

export function hasPermission(role: string, p: Permission): boolean {
  return (ROLE_PERMISSIONS as Record<string, readonly Permission[]>)[role]?.includes(p) ?? false;
}

/**
 * Which records an actor may see. `division` holds a materialised path; the other two kinds are
 * for contractor staff and social workers (later issues) and already flow through every repository.
 */
export type Scope =
  | { kind: 'division'; path: string }
  | { kind: 'organisation'; organisationId: string; path: string }
  | { kind: 'stations'; stationIds: string[]; path: string };
