import { describe, expect, it } from 'vitest';
import { passwordSchema } from './password-policy';
import { assignableRoles, hasPermission } from './roles';

describe('password policy', () => {
  it('needs at least 10 characters with letters and digits', () => {
    expect(passwordSchema.safeParse('abc123').success).toBe(false);
    expect(passwordSchema.safeParse('abcdefghij').success).toBe(false);
    expect(passwordSchema.safeParse('1234567890').success).toBe(false);
    expect(passwordSchema.safeParse('abcde12345').success).toBe(true);
  });
});

describe('roles', () => {
  it('a county administrator hands out only county and township roles', () => {
    expect(assignableRoles('county_admin')).toEqual([
      'county_admin',
      'county_officer',
      'township_liaison',
      'org_admin',
      'project_lead',
    ]);
    expect(assignableRoles('county_officer')).toEqual([]);
  });
  it('only the city administrator reads the audit log; only counties register stations', () => {
    expect(hasPermission('city_admin', 'audit:read')).toBe(true);
    expect(hasPermission('county_admin', 'audit:read')).toBe(false);
    expect(hasPermission('county_officer', 'stations:write')).toBe(true);
    expect(hasPermission('city_officer', 'stations:write')).toBe(false);
    expect(hasPermission('nobody', 'stations:read')).toBe(false);
  });
});
