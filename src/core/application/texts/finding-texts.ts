/**
 * What a citizen reads when an application is refused at intake (item 52, Appendix 4): one
 * sentence per missing or expired document, in Kazakh and Russian, naming the document or the
 * field in words, never a code or a field path.
 */
import type { IntakeFinding } from '../workflow/commands.js';

export interface Bilingual {
  kk: string;
  ru: string;
}

/** Fields of Appendix 5 in words. */
const FIELDS: Record<string, Bilingual> = {
  applicationId: { kk: 'өтініштің нөмірі', ru: 'номер заявления' },
  channel: { kk: 'өтініш беру тәсілі', ru: 'способ подачи заявления' },
  collegeHeadName: { kk: 'колледж басшысының тегі, аты, әкесінің аты', ru: 'Ф.И.О. руководителя колледжа' },
  collegeName: { kk: 'колледждің атауы', ru: 'наименование колледжа' },
  collegeBin: { kk: 'колледждің БСН', ru: 'БИН колледжа' },
  'applicant.surname': { kk: 'өтініш берушінің тегі', ru: 'фамилия заявителя' },
  'applicant.name': { kk: 'өтініш берушінің аты', ru: 'имя заявителя' },
  'applicant.iin': { kk: 'өтініш берушінің ЖСН', ru: 'ИИН заявителя' },
  'representative.iin': { kk: 'заңды өкілдің ЖСН', ru: 'ИИН законного представителя' },
  institutionName: { kk: 'бітірген оқу орнының атауы', ru: 'наименование оконченного учебного заведения' },
  specialtyName: { kk: 'мамандықтың атауы', ru: 'наименование специальности' },
  graduationYear: { kk: 'оқу орнын бітірген жылы', ru: 'год окончания' },
  'formerInstitution.name': { kk: 'оқу орнының бұрынғы атауы', ru: 'прежнее наименование учебного заведения' },
  'formerInstitution.address': { kk: 'оқу орнының бұрынғы мекенжайы', ru: 'прежний адрес учебного заведения' },
  requestedDocument: {
    kk: 'не сұралатыны (қосымшасы бар диплом, тек диплом немесе тек қосымша)',
    ru: 'что запрашивается (диплом с приложением, только диплом или только приложение)',
  },
  reason: {
    kk: 'себебі (жоғалту, бүліну, тегінің, атының, әкесінің атының өзгеруі)',
    ru: 'причина (утеря, порча, смена Ф.И.О.)',
  },
  resultPlace: { kk: 'нәтижені алу орны', ru: 'место получения результата' },
  'resultPlace.branchId': { kk: 'нәтижені алатын ХҚКО бөлімшесі', ru: 'отделение ЦОН для получения результата' },
  submittedAt: { kk: 'өтініш берілген күн', ru: 'дата подачи заявления' },
};

function field(f: IntakeFinding): Bilingual {
  return FIELDS[f.field] ?? { kk: 'өтініштің міндетті жолы', ru: 'обязательное поле заявления' };
}

/** One finding that refuses intake, as a sentence for the citizen. */
export function findingText(f: IntakeFinding): Bilingual {
  switch (f.code) {
    case 'SIGNATURE_MISSING':
    case 'SIGNATURE_INVALID':
      return {
        kk: 'Өтініш электрондық цифрлық қолтаңбамен немесе бір реттік парольмен қол қойылмаған.',
        ru: 'Заявление не подписано электронной цифровой подписью или одноразовым паролем.',
      };
    case 'IDENTITY_DOCUMENT_MISSING':
      return {
        kk: 'Жеке басты куәландыратын құжат (жеке куәлік, төлқұжат немесе туу туралы куәлік) ұсынылмаған.',
        ru: 'Не представлен документ, удостоверяющий личность (удостоверение личности, паспорт или свидетельство о рождении).',
      };
    case 'IDENTITY_DOCUMENT_EXPIRED':
      return {
        kk: 'Жеке басты куәландыратын құжаттың қолданылу мерзімі өтіп кеткен.',
        ru: 'Срок действия документа, удостоверяющего личность, истек.',
      };
    case 'ORIGINAL_DOCUMENT_MISSING':
      return {
        kk: 'Тегі, аты, әкесінің аты өзгергенде және құжат бүлінгенде білім туралы құжаттың түпнұсқасы ұсынылуы тиіс.',
        ru: 'При смене Ф.И.О. и порче документа необходимо представить оригинал документа об образовании.',
      };
    case 'REPRESENTATIVE_REQUIRED':
      return {
        kk: 'Кәмелетке толмаған адамның өтінішін ата-анасы немесе заңды өкілі беруі тиіс; оның деректері мен жеке басын куәландыратын құжаты жоқ.',
        ru: 'Заявление несовершеннолетнего подает родитель или законный представитель; его данные и документ, удостоверяющий личность, не представлены.',
      };
    case 'PSC_RECEIPT_MISSING':
      return { kk: 'Құжаттарды қабылдау туралы қолхат деректері жоқ.', ru: 'Нет данных расписки о приеме документов.' };
    case 'REQUESTED_DOCUMENT_NOT_ISSUED':
      return {
        kk: 'Сұралған құжат түрі бұл мемлекеттік қызмет шеңберінде берілмейді.',
        ru: 'Запрошенный вид документа в рамках этой государственной услуги не выдается.',
      };
    case 'IIN_INVALID':
    case 'REPRESENTATIVE_IIN_INVALID':
    case 'BIN_INVALID':
    case 'FIELD_INVALID':
    case 'SUBMITTED_AT_INVALID': {
      const name = field(f);
      return { kk: `Өтініште «${name.kk}» дұрыс толтырылмаған.`, ru: `В заявлении неверно указано: «${name.ru}».` };
    }
    default: {
      const name = field(f);
      return { kk: `Өтініште «${name.kk}» көрсетілмеген.`, ru: `В заявлении не указано: «${name.ru}».` };
    }
  }
}
