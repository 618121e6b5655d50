/**
 * Texts of intake for the applicant, in Kazakh and Russian: the portal's "accepted" status
 * (item 51), the motivation of a refusal at intake (item 52, Appendix 4) and the notice of a
 * revised service term (a new calendar version).
 */
import type { IntakeFinding } from '../workflow/commands.js';
import { findingText, type Bilingual } from './finding-texts.js';

/** Item 52: why intake was refused, one sentence per missing or expired document. */
export function refusalMotivation(refusals: readonly IntakeFinding[]): Bilingual {
  const items = refusals.map(findingText);
  const unique = (lang: 'kk' | 'ru') => [...new Set(items.map((i) => i[lang]))].join(' ');
  return {
    kk:
      'Құжаттар топтамасы толық ұсынылмағандықтан және (немесе) қолданылу мерзімі өткен құжаттар ұсынылғандықтан ' +
      `өтінішті қабылдаудан бас тартылды (Қағидалардың 52-тармағы). ${unique('kk')}`,
    ru:
      'В приеме заявления отказано в связи с неполным пакетом документов и (или) документами с истекшим сроком ' +
      `действия (пункт 52 Правил). ${unique('ru')}`,
  };
}

/** Item 51: the "accepted" status of the personal cabinet. */
export function acceptedStatus(registrationDate: string, termEndDate: string): Bilingual {
  return {
    kk: `Өтінішіңіз қабылданды. Тіркелген күні: ${registrationDate}. Қызмет көрсету мерзімі: ${termEndDate}.`,
    ru: `Ваше заявление принято. Дата регистрации: ${registrationDate}. Срок оказания услуги: ${termEndDate}.`,
  };
}

/** The service term end moved with a new working-day calendar (a day off announced or moved). */
export function termRevisedStatus(previousTermEndDate: string, termEndDate: string): Bilingual {
  return {
    kk:
      'Жұмыс күндерінің күнтізбесі өзгеруіне байланысты (демалыс күні жарияланды немесе ауыстырылды) қызмет көрсету ' +
      `мерзімі өзгерді: бұрын ${previousTermEndDate}, енді ${termEndDate}.`,
    ru:
      'В связи с изменением календаря рабочих дней (объявлен или перенесен выходной день) изменился срок оказания ' +
      `услуги: было ${previousTermEndDate}, теперь ${termEndDate}.`,
  };
}
