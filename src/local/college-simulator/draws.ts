/**
 * The college's draws for one application, from a hash of (seed, application id): the same
 * application always takes the same path with the same ground, objection and numbers, whatever
 * the order or the number of times it arrives.
 */
import type { NoticeChannel, RefusalGround } from '../../core/application/model.js';
import { intBelow, randomFor } from '../gateway-stub/random.js';

/** The four paths (config collegeSimulator.mix). */
export type CollegePath = 'ISSUE' | 'HEARING_ISSUE' | 'HEARING_REFUSE' | 'SILENT';

export interface CollegeMix {
  readonly issue: number;
  readonly hearingThenIssue: number;
  readonly hearingThenRefuse: number;
  readonly silent: number;
}

export interface CollegeDraws {
  readonly path: CollegePath;
  /** The ground of a preliminary refusal (G3 exactly when the applicant gave no consent). */
  readonly ground: RefusalGround;
  /** The applicant objected before the hearing. */
  readonly objection: boolean;
  /** The hearing is held by video rather than at the college. */
  readonly byVideo: boolean;
  /** Numbers of the college journal, the duplicate form and the book of issued documents. */
  readonly journalNumber: number;
  readonly formNumber: number;
  readonly bookNumber: number;
  readonly reference: number;
}

/**
 * The path for a draw `u` in [0, 1): the shares are weights, taken in the order issue,
 * hearingThenIssue, hearingThenRefuse, silent. Without the applicant's consent (ground G3) the
 * duplicate cannot be issued without a hearing: the issue share is left out, and a mix with no other
 * share refuses after the hearing.
 */
export function pathFor(u: number, mix: CollegeMix, consent: boolean): CollegePath {
  const weights: Array<[CollegePath, number]> = [
    ['ISSUE', consent ? mix.issue : 0],
    ['HEARING_ISSUE', mix.hearingThenIssue],
    ['HEARING_REFUSE', mix.hearingThenRefuse],
    ['SILENT', mix.silent],
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  if (total <= 0) return 'HEARING_REFUSE';
  let acc = 0;
  for (const [path, w] of weights) {
    acc += w / total;
    if (w > 0 && u < acc) return path;
  }
  // Rounding at the top end: the last path with a share.
  return weights.filter(([, w]) => w > 0).at(-1)![0];
}

export function drawCollege(
  seed: number,
  applicationId: string,
  mix: CollegeMix,
  objectionRate: number,
  consent: boolean,
): CollegeDraws {
  const rnd = randomFor(`${seed}:college:${applicationId}`);
  const path = pathFor(rnd(), mix, consent);
  const groundDraw = rnd();
  const ground: RefusalGround = !consent
    ? 'G3_NO_CONSENT'
    : groundDraw < 0.5
      ? 'G1_UNRELIABLE_DATA'
      : 'G2_NONCOMPLIANT_DOCUMENTS';
  return {
    path,
    ground,
    objection: rnd() < objectionRate,
    byVideo: rnd() < 0.5,
    journalNumber: 1 + intBelow(rnd, 9999),
    formNumber: intBelow(rnd, 10_000_000),
    bookNumber: 1 + intBelow(rnd, 999),
    reference: intBelow(rnd, 1_000_000_000),
  };
}

/** How the hearing notice goes (item 58): SMS to a mobile number, else e-mail, else a registered letter. */
export function noticeChannelFor(contact: { phone: string | null; email: string | null }): NoticeChannel {
  if (contact.phone) return 'SMS';
  if (contact.email) return 'EMAIL';
  return 'REGISTERED_LETTER';
}
