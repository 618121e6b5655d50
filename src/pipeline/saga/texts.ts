import type { RefusalReceipt } from '../../core/application/index.js';

/**
 * The refusal receipt's reasons as the motivation texts the portal and the PSC show, in Kazakh
 * and Russian (item 52, Appendix 4). Finding messages are the operator-facing English lines of
 * the validation; the fixed sentence in each language states the legal ground.
 */
export function refusalMotivation(receipt: RefusalReceipt): { motivationKk: string; motivationRu: string } {
  const items = [...receipt.missingDocuments, ...receipt.expiredDocuments].map((i) => `${i.code} (${i.field})`);
  const list = items.join('; ');
  return {
    motivationKk: `Құжаттар топтамасы толық ұсынылмағандықтан және (немесе) қолданылу мерзімі өткен құжаттар ұсынылғандықтан өтінішті қабылдаудан бас тартылды (Қағидалардың 52-тармағы): ${list}`,
    motivationRu: `В приеме заявления отказано в связи с неполным пакетом документов и (или) документами с истекшим сроком действия (пункт 52 Правил): ${list}`,
  };
}

/**
 * The service term end moved with a new working-day calendar (a day off announced or moved by
 * the authorities), in Kazakh and Russian, for the applicant.
 */
export function termRevisedStatus(previousTermEndDate: string, termEndDate: string): { statusKk: string; statusRu: string } {
  return {
    statusKk:
      `Жұмыс күндерінің күнтізбесі өзгеруіне байланысты (демалыс күні жарияланды немесе ауыстырылды) қызмет көрсету ` +
      `мерзімі өзгерді: бұрын ${previousTermEndDate}, енді ${termEndDate}.`,
    statusRu:
      `В связи с изменением календаря рабочих дней (объявлен или перенесен выходной день) изменился срок оказания ` +
      `услуги: было ${previousTermEndDate}, теперь ${termEndDate}.`,
  };
}

/** Item 51: the "accepted" status of the personal cabinet, in Kazakh and Russian. */
export function acceptedStatus(registrationDate: string, termEndDate: string): { statusKk: string; statusRu: string } {
  return {
    statusKk: `Өтінішіңіз қабылданды. Тіркелген күні: ${registrationDate}. Қызмет көрсету мерзімі: ${termEndDate}.`,
    statusRu: `Ваше заявление принято. Дата регистрации: ${registrationDate}. Срок оказания услуги: ${termEndDate}.`,
  };
}
