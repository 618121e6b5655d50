import { describe, expect, it } from 'vitest';
import type { Application } from '../../../src/core/application/index.js';
import type {
  CorporationApplicationMessage,
  IdentityPerson,
  PortalApplicationSubmitted,
} from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { comparePerson } from '../../../src/core/checks/compare-person.js';
import { applicationFromPortal } from '../../../src/partners/portal/map-application.js';
import { applicationFromPsc } from '../../../src/partners/psc/map-application.js';
import { minorIdentity, portalApplicantIdentity, samples } from '../../support/samples.js';

const ON = '2026-03-02';
const portalApp = applicationFromPortal(samples[Topics.portalApplications][0] as PortalApplicationSubmitted);
const pscApp = applicationFromPsc(
  samples[Topics.corporationApplications][0] as Extract<
    CorporationApplicationMessage,
    { kind: 'APPLICATION_ACCEPTED' }
  >,
);
const person = (over: Partial<IdentityPerson> = {}): IdentityPerson => ({ ...portalApplicantIdentity, ...over });
const withApplicant = (over: Partial<Application['applicant']>, app: Application = portalApp): Application => ({
  ...app,
  applicant: { ...app.applicant, ...over },
});
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('comparePerson', () => {
  it('finds nothing when the register agrees with the application (portal and PSC samples)', () => {
    expect(comparePerson(portalApp, portalApplicantIdentity, ON)).toEqual([]);
    expect(comparePerson(pscApp, minorIdentity, '2026-03-03')).toEqual([]);
  });

  describe('names (NAME_MISMATCH)', () => {
    it('names each differing field, never the values', () => {
      const findings = comparePerson(portalApp, person({ surname: 'Сейтқалиқызы', patronymic: 'Болатқызы' }), ON);
      expect(findings).toEqual([
        { code: 'NAME_MISMATCH', detail: 'The state register differs from the application in: surname, patronymic.' },
      ]);
      expect(findings[0]!.detail).not.toContain('Сейтқали');
      expect(comparePerson(portalApp, person({ name: 'Айгуль' }), ON)).toEqual([
        { code: 'NAME_MISMATCH', detail: 'The state register differs from the application in: name.' },
      ]);
    });

    it('is not raised for reason NAME_CHANGED: the old name is the very point of the application', () => {
      const renamed: Application = { ...portalApp, reason: 'NAME_CHANGED', originalDamaged: false };
      expect(comparePerson(renamed, person({ surname: 'Жаңа-Тегі' }), ON)).toEqual([]);
      // ... but the other checks still run.
      expect(codes(comparePerson(renamed, person({ surname: 'Жаңа-Тегі', deceased: true }), ON))).toEqual(['DECEASED']);
    });

    it('ignores letter case (Kazakh letters included), surrounding spaces and ё/е', () => {
      const app = withApplicant({ surname: 'СЕЙТҚАЛИЕВА ', name: ' айгерім', patronymic: 'НҰРЛАНҚЫЗЫ' });
      expect(comparePerson(app, portalApplicantIdentity, ON)).toEqual([]);
      const yo = withApplicant({ surname: 'Фёдорова', name: 'Алёна', patronymic: 'Пётровна' });
      expect(comparePerson(yo, person({ surname: 'ФЕДОРОВА', name: 'Алена', patronymic: 'петровна' }), ON)).toEqual([]);
      expect(comparePerson(withApplicant({ surname: 'Фёдорова' }), person({ surname: 'Федорова' }), ON)).toEqual([]);
    });

    it('still tells apart letters that differ only as Kazakh and Russian letters (і vs и)', () => {
      expect(codes(comparePerson(withApplicant({ name: 'Айгерим' }), portalApplicantIdentity, ON))).toEqual([
        'NAME_MISMATCH',
      ]);
    });

    it('compares the patronymic only when both sides have one', () => {
      const { patronymic: _p, ...noPatronymic } = portalApp.applicant;
      expect(comparePerson({ ...portalApp, applicant: noPatronymic }, portalApplicantIdentity, ON)).toEqual([]);
      expect(comparePerson(portalApp, person({ patronymic: null }), ON)).toEqual([]);
    });
  });

  describe('DECEASED', () => {
    it('is raised when the register records the person as deceased', () => {
      expect(comparePerson(portalApp, person({ deceased: true }), ON)).toEqual([
        { code: 'DECEASED', detail: 'The state register records the person as deceased.' },
      ]);
    });
  });

  describe('documents (DOCUMENT_INVALID)', () => {
    const idCard = portalApplicantIdentity.documents[0]!;
    const passport = portalApplicantIdentity.documents[1]!;

    it('is raised when no document of the person is valid on the date', () => {
      const expired = person({
        documents: [
          { ...idCard, validUntil: '2026-03-01' },
          { ...passport, validUntil: '2020-01-01' },
        ],
      });
      expect(comparePerson(portalApp, expired, ON)).toEqual([
        { code: 'DOCUMENT_INVALID', detail: 'No identity document of the person is valid on the submission date.' },
      ]);
    });

    it('counts a document valid through its last day, and one without a term, as valid', () => {
      expect(comparePerson(portalApp, person({ documents: [{ ...idCard, validUntil: ON }] }), ON)).toEqual([]);
      expect(
        comparePerson(
          portalApp,
          person({
            documents: [
              { ...idCard, validUntil: '2020-01-01' },
              { ...passport, validUntil: null },
            ],
          }),
          ON,
        ),
      ).toEqual([]);
    });

    it('one valid document is enough, next to expired ones', () => {
      expect(
        comparePerson(portalApp, person({ documents: [{ ...idCard, validUntil: '2020-01-01' }, passport] }), ON),
      ).toEqual([]);
    });

    it('is not raised when the register lists no document at all', () => {
      expect(comparePerson(portalApp, person({ documents: [] }), ON)).toEqual([]);
    });

    it('is raised when a presented identity document (no holder named) is unknown to the register', () => {
      const app: Application = { ...portalApp, presentedDocuments: [{ type: 'ID_CARD', number: '099999999' }] };
      expect(comparePerson(app, portalApplicantIdentity, ON)).toEqual([
        {
          code: 'DOCUMENT_INVALID',
          detail: "A presented identity document is not among the person's documents in the state register.",
        },
      ]);
      const known: Application = { ...portalApp, presentedDocuments: [{ type: 'PASSPORT', number: passport.number }] };
      expect(comparePerson(known, portalApplicantIdentity, ON)).toEqual([]);
    });

    it("does not check documents that are not identity documents, or a representative's document", () => {
      const app: Application = {
        ...pscApp,
        presentedDocuments: [
          { type: 'ORIGINAL_EDUCATION_DOCUMENT', number: 'ТКБ 0812473' },
          { type: 'ID_CARD', number: '048217365', holderIin: pscApp.representative!.iin },
        ],
      };
      expect(comparePerson(app, minorIdentity, '2026-03-03')).toEqual([]);
    });

    it('reports "no valid document" rather than both findings when both hold', () => {
      const app: Application = { ...portalApp, presentedDocuments: [{ type: 'ID_CARD', number: '099999999' }] };
      const findings = comparePerson(app, person({ documents: [{ ...idCard, validUntil: '2020-01-01' }] }), ON);
      expect(findings).toEqual([
        { code: 'DOCUMENT_INVALID', detail: 'No identity document of the person is valid on the submission date.' },
      ]);
    });
  });

  it('reports every kind of finding together, in the order name, deceased, document', () => {
    const findings = comparePerson(
      portalApp,
      person({
        name: 'Басқа',
        deceased: true,
        documents: [{ ...portalApplicantIdentity.documents[0]!, validUntil: '2000-01-01' }],
      }),
      ON,
    );
    expect(codes(findings)).toEqual(['NAME_MISMATCH', 'DECEASED', 'DOCUMENT_INVALID']);
  });
});
