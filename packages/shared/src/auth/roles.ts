import { z } from 'zod';

// Roles of R-SCOPE / 二.
export const ROLES = [
  'city_admin',
  'city_officer',
  'county_admin',
  'county_officer',
  'township_liaison',
  'org_admin',
  'project_lead',
  'social_worker',
  // 第三方评估 (R-EVAL-1, 六（六）): an evaluator of a third-party agency, reaching only the rounds assigned to them.
  'evaluator',
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

// The labels live in a zod-free module so that pages which only show a role do not load zod.
export { ROLE_LABELS } from './role-labels';

/** Contractor staff: scoped to their organisation (DESIGN §4), not to a division. */
export const ORGANISATION_ROLES: readonly Role[] = ['org_admin', 'project_lead', 'social_worker'];
export const isOrganisationRole = (r: Role) => ORGANISATION_ROLES.includes(r);

/** The division level a role's scope must sit at; contractor roles sit at the city and are bounded by their organisation. */
export const ROLE_LEVEL: Record<Role, 'city' | 'county' | 'township'> = {
  city_admin: 'city',
  city_officer: 'city',
  county_admin: 'county',
  county_officer: 'county',
  township_liaison: 'township',
  org_admin: 'city',
  project_lead: 'city',
  social_worker: 'city',
  evaluator: 'city',
};

export const PERMISSIONS = [
  'users:read',
  'users:manage',
  'stations:read',
  'stations:write',
  'plan:read',
  'audit:read',
  'export',
  'organisations:read',
  'organisations:write',
  'organisations:disclose',
  'purchase:read',
  'purchase:write',
  'purchase:file',
  'contracts:read',
  'contracts:write',
  'workers:read',
  'workers:write',
  'workers:pii',
  'workers:approve',
  'workers:unmask',
  'trainings:write',
  'payroll:read',
  'trainings:confirm',
  // 服务对象 (R-SVC-1, R-SCOPE-2): read lists (masked), register and change, see ID/phone/address in clear (the
  // station's own staff), unmask one record with a reason (officers), see sensitive records (minors, health).
  'beneficiaries:read',
  'beneficiaries:write',
  'beneficiaries:pii',
  'beneficiaries:unmask',
  'beneficiaries:sensitive',
  // 服务 (R-SVC-2…5): read records, cases, visits and statistics in scope (masked for upper levels); record services,
  // open and run cases, refer; approve case plans and closures (the project lead); see alerts and handle them (the
  // project lead, the county, the city once escalated); set the visit intervals by risk (the city).
  'services:read',
  'services:write',
  'cases:approve',
  'alerts:read',
  'alerts:handle',
  'visits:configure',
  // 报告 (R-REP-1…4): read reports in scope; write one's own level's reports (narrative, submit); accept, return and
  // reopen the level below's; set the due dates and mark units for commendation (the city).
  'reports:read',
  'reports:write',
  'reports:review',
  'reports:configure',
  // 督导评估 (R-EVAL-1…4): read rounds, sets and rectification in scope; score and sign off one's own level's rounds
  // (the county's 中期 and 末期, the city's 抽查) and verify rectification; keep the indicator sets (the city); the
  // contractor's self-assessment and its answers to rectification items.
  'evaluations:read',
  'evaluations:score',
  'evaluations:configure',
  'evaluations:self',
  // 督导 (R-EVAL-4): read sessions and reviews in scope (a worker their own); the contractor records its supervision.
  'supervision:read',
  'supervision:write',
  // 满意度与投诉 (R-EVAL-3): read complaints in scope; answer and close them (the project lead, the county); draw
  // call-back surveys and record the calls (the county and the city, as evaluators do).
  'complaints:read',
  'complaints:handle',
  'satisfaction:survey',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// What each role may do; *which* records is the scope's business (DESIGN §4).
const CITY_PURCHASE: Permission[] = [
  'organisations:read',
  'organisations:write',
  'purchase:read',
  'purchase:file',
  'contracts:read',
  'workers:read',
  'workers:unmask',
  'trainings:write',
  'trainings:confirm',
  'payroll:read',
  'beneficiaries:read',
  'beneficiaries:unmask',
  'services:read',
  'alerts:read',
  'alerts:handle',
  'reports:read',
  'reports:write',
  'reports:review',
  'evaluations:read',
  'evaluations:score',
  'supervision:read',
  'complaints:read',
  'satisfaction:survey',
];
const COUNTY_PURCHASE: Permission[] = [
  'organisations:read',
  'organisations:write',
  'purchase:read',
  'purchase:write',
  'contracts:read',
  'contracts:write',
  'workers:read',
  'workers:approve',
  'workers:unmask',
  'trainings:write',
  'trainings:confirm',
  'payroll:read',
  'beneficiaries:read',
  'beneficiaries:unmask',
  // R-SCOPE-2: the county officer is one of the three who see minors' and health records.
  'beneficiaries:sensitive',
  'services:read',
  'alerts:read',
  'alerts:handle',
  'reports:read',
  'reports:write',
  'reports:review',
  'evaluations:read',
  'evaluations:score',
  'supervision:read',
  'complaints:read',
  'complaints:handle',
  'satisfaction:survey',
];
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: [
    'users:read',
    'users:manage',
    'stations:read',
    'plan:read',
    'audit:read',
    'export',
    'visits:configure',
    'reports:configure',
    'evaluations:configure',
    ...CITY_PURCHASE,
  ],
  city_officer: ['stations:read', 'plan:read', 'export', ...CITY_PURCHASE],
  county_admin: [
    'users:read',
    'users:manage',
    'stations:read',
    'stations:write',
    'plan:read',
    'export',
    ...COUNTY_PURCHASE,
  ],
  county_officer: ['stations:read', 'stations:write', 'plan:read', 'export', ...COUNTY_PURCHASE],
  township_liaison: ['stations:read'],
  // R-ORG-2: the contractor publishes its own disclosures; it reads its contracts and the stations they cover.
  // The employer keeps the roster and sees its staff's ID numbers and phones (R-STAFF, R-SCOPE-2).
  org_admin: [
    'stations:read',
    'organisations:read',
    'organisations:disclose',
    'contracts:read',
    'workers:read',
    'workers:write',
    'workers:pii',
    'trainings:write',
    'payroll:read',
    // Its roster, pay and trainings leave the platform as the spreadsheets the organisation keeps (scoped like the lists).
    'export',
    // The people its stations serve, masked: identity in clear is for the station's workers and the project lead.
    'beneficiaries:read',
    'services:read',
    'alerts:read',
    // The contractor's briefs and agreement-year reports (R-REP-1) are written by its admin or project lead.
    'reports:read',
    'reports:write',
    // Its rounds and their rectification items; its own self-assessment (R-EVAL-1, R-EVAL-4).
    'evaluations:read',
    'evaluations:self',
    'supervision:read',
    'supervision:write',
    'complaints:read',
  ],
  project_lead: [
    'stations:read',
    'organisations:read',
    'contracts:read',
    'workers:read',
    'workers:pii',
    'payroll:read',
    'export',
    'beneficiaries:read',
    'beneficiaries:write',
    'beneficiaries:pii',
    'beneficiaries:sensitive',
    'services:read',
    'services:write',
    'cases:approve',
    'alerts:read',
    'alerts:handle',
    'reports:read',
    'reports:write',
    'evaluations:read',
    'evaluations:self',
    'supervision:read',
    'supervision:write',
    'complaints:read',
    'complaints:handle',
  ],
  // A resident social worker sees the stations assigned to them today and the colleagues there, and registers and
  // serves the people of those stations (sensitive records only those they are responsible for).
  social_worker: [
    'stations:read',
    'workers:read',
    'beneficiaries:read',
    'beneficiaries:write',
    'beneficiaries:pii',
    'services:read',
    'services:write',
    'alerts:read',
    // Their own supervision hours and the review comments on their work, which they answer (R-EVAL-4).
    'supervision:read',
  ],
  // A third-party evaluator reads the stations, staff and service records under the rounds assigned to them and scores
  // those rounds; names and IDs stay masked (no pii permissions), and signing off stays with the bureau that runs them.
  evaluator: ['stations:read', 'workers:read', 'services:read', 'evaluations:read', 'evaluations:score'],
};

/** Roles a manager may hand out: a county administrator only county and township roles. */
export function assignableRoles(role: Role): Role[] {
  // Social workers' logins are opened from their roster record, bound to it (see the workers module).
  if (role === 'city_admin') return ROLES.filter((r) => r !== 'social_worker');
  if (role === 'county_admin')
    return ['county_admin', 'county_officer', 'township_liaison', 'org_admin', 'project_lead'];
  return [];
}

export function hasPermission(role: string, p: Permission): boolean {
  return (ROLE_PERMISSIONS as Record<string, readonly Permission[]>)[role]?.includes(p) ?? false;
}

/**
 * Which records an actor may see. `division` holds a materialised path. Contractor staff see their organisation's
 * rows and the stations its contracts cover today; a social worker the stations assigned to them today. Both station
 * lists are computed from the Clock on every request, so they never go stale.
 */
export type Scope =
  | { kind: 'division'; path: string }
  | { kind: 'organisation'; organisationId: string; stationIds: string[]; path: string }
  | {
      kind: 'stations';
      stationIds: string[];
      path: string;
      /** A third-party evaluator's assigned rounds (R-EVAL-1): the rounds they reach; their stations are `stationIds`. */
      roundIds?: string[];
    };
