import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import { fieldError } from '../../platform/http/errors';

/** How long a challenge may be answered: long enough to fill the form on a phone, short enough not to be stockpiled. */
export const CHALLENGE_MINUTES = 30;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The public form's simple challenge (R-EVAL-3, against flooding beside the rate limit): an arithmetic question in
 * Chinese and a token `payload.mac`, where the MAC is an HMAC over the payload (station, expiry, nonce) and the answer.
 * The answer itself is never in the token: checking a reply recomputes the MAC with it. The key is shared by every
 * process on the database (`sharedSecret`), so any process checks what another issued; a token is good once (its
 * nonce is recorded with the answer, `satisfactionChallengeUses`).
 */
export function createChallenges({ clock, key }: { clock: Clock; key: () => Promise<Buffer> }) {
  const mac = async (payload: string, answer: string) =>
    createHmac('sha256', await key())
      .update(`${payload}|${answer}`)
      .digest('base64url');

  return {
    /** A fresh question for one station. */
    async issue(stationId: string) {
      const a = randomInt(1, 10);
      const b = randomInt(1, 10);
      const plus = randomInt(0, 2) === 0 || a <= b;
      const answer = String(plus ? a + b : a - b);
      const question = `${DIGITS[a]}${plus ? '加' : '减'}${DIGITS[b]}等于几？（请填写阿拉伯数字）`;
      const expires = clock.now().getTime() + CHALLENGE_MINUTES * 60_000;
      const payload = Buffer.from(
        JSON.stringify({ s: stationId, e: expires, n: randomBytes(8).toString('base64url') }),
      ).toString('base64url');
      return {
        question,
        token: `${payload}.${await mac(payload, answer)}`,
        expiresAt: new Date(expires).toISOString(),
      };
    },

    /**
     * Refuses (400, naming the field) a forged, foreign, expired or wrongly answered challenge; answers its nonce and
     * expiry, which the answer's transaction records so the token cannot be used again.
     */
    async check(stationId: string, token: string, answer: string): Promise<{ nonce: string; expiresAt: Date }> {
      const parts = token.split('.');
      const [payload, given] = parts;
      const refresh = () => fieldError('challengeToken', '验证题已失效，请刷新页面后重新作答');
      // Exactly `payload.mac`: anything appended would make one solved question many different tokens.
      if (parts.length !== 2 || !payload || !given) throw refresh();
      let facts: { s?: unknown; e?: unknown; n?: unknown };
      try {
        facts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw refresh();
      }
      if (!facts || typeof facts !== 'object') throw refresh();
      if (facts.s !== stationId || typeof facts.e !== 'number' || typeof facts.n !== 'string') throw refresh();
      if (facts.e < clock.now().getTime()) throw fieldError('challengeToken', '验证题已过期，请刷新页面后重新作答');
      // Full-width digits from a Chinese phone keyboard (５) are the same answer.
      const expected = Buffer.from(await mac(payload, answer.normalize('NFKC').trim()));
      const got = Buffer.from(given);
      if (expected.length !== got.length || !timingSafeEqual(expected, got))
        throw fieldError('challengeAnswer', '验证题答案不正确，请重新计算');
      return { nonce: facts.n, expiresAt: new Date(facts.e) };
    },
  };
}
export type Challenges = ReturnType<typeof createChallenges>;
