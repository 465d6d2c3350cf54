import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from './test-app';
import type { WorldIds } from './two-worlds';

/** The two-worlds helpers this fixture uses (passed in, so the two files do not import each other). */
interface Kit {
  must(res: LightMyRequestResponse, status: number, what: string): { id: string; version: number; fileId: string };
  upload(
    t: TestApp,
    s: Session,
    url: string,
    file: { name: string; type: string; bytes: Buffer },
  ): Promise<LightMyRequestResponse>;
  png: Buffer;
}

/**
 * 服务 in one world (R-SVC-2, R-SVC-5, 附件2 (一)3): the world's person graded high, a home visit with a photo, an alert
 * and a referral on consent, all by the resident worker through the real API. Returns the texts found only in this
 * world (searched for in the other world's answers) and the versions of the editable records.
 */
export async function serveWorldPerson(t: TestApp, sw: Session, ids: WorldIds, town: string, kit: Kit) {
  // Graded high (R-SVC-5), so the visits-due list has a person of each world to leak.
  kit.must(
    await t.call(sw, 'POST', `/api/v1/beneficiaries/${ids.beneficiary}/risk-assessments`, {
      level: 'high',
      reason: `${town}独居老人`,
      assessedOn: '2026-05-01',
    }),
    201,
    'risk assessment',
  );
  // A home visit the resident worker recorded for that person (R-SVC-2), with a photo; its summary is this world's.
  const serviceSummary = `${town}入户走访记录`;
  const served = kit.must(
    await t.call(sw, 'POST', '/api/v1/service-records', {
      id: randomUUID(),
      stationId: ids.station,
      servedOn: '2026-06-01',
      durationMinutes: 30,
      form: 'home_visit',
      catalogueCode: '1.2',
      beneficiaryIds: [ids.beneficiary],
      summary: serviceSummary,
    }),
    201,
    'service record',
  );
  ids.serviceRecord = served.id;
  ids.serviceRecordFile = kit.must(
    await kit.upload(t, sw, `/api/v1/service-records/${ids.serviceRecord}/files`, {
      name: `${town}走访照片.png`,
      type: 'image/png',
      bytes: kit.png,
    }),
    201,
    'service record photo',
  ).fileId;

  // An alert the resident worker raised on that person (R-SVC-5), and a referral with the person's consent (附件2 (一)3).
  const alertText = `${town}疑似虐待情况`;
  ids.alert = kit.must(
    await t.call(sw, 'POST', '/api/v1/alerts', {
      stationId: ids.station,
      beneficiaryId: ids.beneficiary,
      kind: 'abuse',
      description: alertText,
    }),
    201,
    'alert',
  ).id;
  kit.must(
    await t.call(sw, 'POST', `/api/v1/beneficiaries/${ids.beneficiary}/consents`, {
      kind: 'referral',
      decision: 'given',
      givenBy: 'self',
      scope: '同意转介申请低保',
      recordedOn: '2026-06-01',
    }),
    201,
    'referral consent',
  );
  const referralAgency = `${town}民政所`;
  const referred = kit.must(
    await t.call(sw, 'POST', '/api/v1/referrals', {
      stationId: ids.station,
      beneficiaryId: ids.beneficiary,
      target: 'dibao',
      agency: referralAgency,
      submittedOn: '2026-06-02',
    }),
    201,
    'referral',
  );
  ids.referral = referred.id;
  return {
    marks: [serviceSummary, alertText, referralAgency],
    versions: { serviceRecord: served.version as number, referral: referred.version as number },
  };
}
