/**
 * Texts of the college's decisions for the applicant, in Kazakh and Russian (item 58): the
 * notice of a preliminary refusal with the hearing, the motivated refusal, the "ready" notice
 * naming the place, and the office's receipt of acceptance (item 50). Sentences a citizen reads:
 * dates and places in words and numbers, never an internal code.
 */
import type { RefusalGround, ResultPlace } from '../model.js';
import type { Bilingual } from './finding-texts.js';

const GROUNDS: Record<RefusalGround, Bilingual> = {
  G1_UNRELIABLE_DATA: {
    kk: 'құжаттардың немесе олардағы деректердің анық еместігі',
    ru: 'недостоверность документов или данных в них',
  },
  G2_NONCOMPLIANT_DOCUMENTS: {
    kk: 'құжаттардың Қағидалар талаптарына сәйкес келмеуі',
    ru: 'несоответствие документов требованиям Правил',
  },
  G3_NO_CONSENT: {
    kk: 'заңмен қорғалатын құпияны қамтитын дербес деректерге қол жеткізуге келісімнің болмауы',
    ru: 'отсутствие согласия на доступ к персональным данным ограниченного доступа',
  },
};

/** The instant as "YYYY-MM-DD HH:mm" of Kazakhstan time (the instants here carry +05:00). */
function local(instant: string): string {
  return instant.slice(0, 16).replace('T', ' ');
}

/** Item 58 (R15): the preliminary decision to refuse, the hearing and the right to object. */
export function hearingNoticeText(
  ground: RefusalGround,
  motivation: Bilingual,
  hearingAt: string,
  placeOrWay: string,
  objectionDeadline: string,
): Bilingual {
  const g = GROUNDS[ground];
  return {
    kk:
      `Колледж өтінішіңіз бойынша бас тарту туралы алдын ала шешім қабылдады (негізі: ${g.kk}). ${motivation.kk} ` +
      `Тыңдау ${local(hearingAt)}, ${placeOrWay}. Ұстанымыңызды білдіріп, ${objectionDeadline} дейін қарсылық білдіруге болады.`,
    ru:
      `Колледж принял предварительное решение об отказе по вашему заявлению (основание: ${g.ru}). ${motivation.ru} ` +
      `Заслушивание ${local(hearingAt)}, ${placeOrWay}. Вы можете выразить позицию и возразить до ${objectionDeadline}.`,
  };
}

/** Item 58: the motivated refusal after the hearing. */
export function refusalText(ground: RefusalGround, motivation: Bilingual): Bilingual {
  const g = GROUNDS[ground];
  return {
    kk: `Телнұсқа беруден бас тартылды (негізі: ${g.kk}). ${motivation.kk}`,
    ru: `В выдаче дубликата отказано (основание: ${g.ru}). ${motivation.ru}`,
  };
}

/** Where the applicant collects the result, in words. */
export function placeText(place: ResultPlace, collegeName: string): Bilingual {
  if (place.kind === 'PSC') return { kk: `ХҚКО бөлімшесі ${place.branchId}`, ru: `отделение ЦОН ${place.branchId}` };
  return { kk: `${collegeName} колледжінің кеңсесі`, ru: `канцелярия колледжа «${collegeName}»` };
}

/** Item 58: the duplicate is ready, and where to collect it. */
export function readyText(place: ResultPlace, collegeName: string, digital: boolean): Bilingual {
  const p = placeText(place, collegeName);
  return {
    kk: `Телнұсқа дайын. Алу орны: ${p.kk}.${digital ? ' Цифрлық нұсқасы eGov Mobile «Цифрлық құжаттар» сервисінде.' : ''}`,
    ru: `Дубликат готов. Место получения: ${p.ru}.${digital ? ' Цифровая версия — в сервисе «Цифровые документы» eGov Mobile.' : ''}`,
  };
}

/** Item 58: the motivated refusal after the hearing, and where its paper waits. */
export function refusalAtPlaceText(
  ground: RefusalGround,
  motivation: Bilingual,
  place: ResultPlace,
  collegeName: string,
): Bilingual {
  const r = refusalText(ground, motivation);
  const p = placeText(place, collegeName);
  return {
    kk: `${r.kk} Дәлелді бас тартуды алу орны: ${p.kk}.`,
    ru: `${r.ru} Мотивированный отказ можно получить: ${p.ru}.`,
  };
}

/** Item 50, Appendix 3: the office's receipt of acceptance. */
export function officeReceiptText(receiptNumber: string, resultDueOn: string): Bilingual {
  return {
    kk: `Құжаттар қабылданды, қолхат № ${receiptNumber}. Нәтиже берілетін күн: ${resultDueOn}.`,
    ru: `Документы приняты, расписка № ${receiptNumber}. Срок выдачи результата: ${resultDueOn}.`,
  };
}
