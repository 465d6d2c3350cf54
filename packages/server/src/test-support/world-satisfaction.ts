import type { TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the satisfaction fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const SATISFACTION_ID_KEYS = [
  'satisfactionResponse',
  'satisfactionSurvey',
  'satisfactionCall',
  'complaint',
] as const;
export type SatisfactionIdKey = (typeof SATISFACTION_ID_KEYS)[number];

const DIGITS = '零一二三四五六七八九十';

/**
 * 满意度与投诉 (R-EVAL-3) in both worlds, after they are built: a resident answers the station's public form (solving
 * its challenge) with a comment, the county enters a complaint by phone, and draws a call-back sample of one from the
 * world's person served on 2026-06-01. Comment and complaint are found nowhere else, so a leak can be searched for.
 */
export async function openWorldSatisfaction(t: TestApp, worlds: TwoWorlds) {
  for (const w of [worlds.A, worlds.B]) {
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    const county = w.sessions.county_officer;
    const must = (res: { statusCode: number; body: string }, status: number, what: string) => {
      if (res.statusCode !== status)
        throw new Error(`world satisfaction: ${what} answered ${res.statusCode} ${res.body}`);
    };
    const url = `/api/v1/public/stations/${w.ids.station}/satisfaction`;
    const form = await t.app.inject({ method: 'GET', url });
    must(form, 200, 'public form');
    const { question, token } = form.json().challenge as { question: string; token: string };
    const [, a, op, b] = /^(.)(加|减)(.)/.exec(question)!;
    const answer = op === '加' ? DIGITS.indexOf(a!) + DIGITS.indexOf(b!) : DIGITS.indexOf(a!) - DIGITS.indexOf(b!);
    const comment = `${town}满意度意见`;
    must(
      await t.app.inject({
        method: 'POST',
        url,
        payload: { overall: 4, comment, challengeToken: token, challengeAnswer: String(answer) },
      }),
      201,
      'public answer',
    );
    const answers = await t.call(county, 'GET', `/api/v1/satisfaction?stationId=${w.ids.station}&pageSize=200`);
    must(answers, 200, 'answers');
    w.ids.satisfactionResponse = answers.json().items.find((r: { comment: string }) => r.comment === comment).id;

    const content = `${town}电话投诉内容`;
    const complaint = await t.call(county, 'POST', '/api/v1/complaints', {
      stationId: w.ids.station,
      source: 'phone',
      receivedOn: '2026-06-14',
      content,
    });
    must(complaint, 201, 'complaint');
    w.ids.complaint = complaint.json().id;

    const survey = await t.call(county, 'POST', '/api/v1/satisfaction-surveys', {
      stationId: w.ids.station,
      periodStart: '2026-06-01',
      periodEnd: '2026-06-14',
      sampleSize: 1,
    });
    must(survey, 201, 'call-back sample');
    w.ids.satisfactionSurvey = survey.json().id;
    w.ids.satisfactionCall = survey.json().calls[0].id;
    w.marks.push(comment, content);
  }
}
