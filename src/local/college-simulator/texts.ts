/**
 * What the simulated college writes (Kazakh, the state language, and Russian): the motivation of a
 * preliminary refusal and of a refusal per ground (Appendix 6 p.9), the place or way of the
 * hearing, an objection. Plausible wording for tests and the demo, not legal advice.
 */
import type { RefusalGround } from '../../core/application/model.js';

export interface Bilingual {
  readonly kk: string;
  readonly ru: string;
}

const GROUND_TEXT: Record<RefusalGround, Bilingual> = {
  G1_UNRELIABLE_DATA: {
    kk: 'Өтініште көрсетілген мәліметтер колледж мұрағатының деректерімен расталмады: түлектер кітабында тиісті жазба табылмады.',
    ru: 'Сведения, указанные в заявлении, не подтверждены данными архива колледжа: соответствующая запись в книге выпускников не найдена.',
  },
  G2_NONCOMPLIANT_DOCUMENTS: {
    kk: 'Ұсынылған құжаттар Қағидалардың талаптарына сәйкес келмейді: өтініш 5-қосымшадағы нысанға сай толтырылмаған.',
    ru: 'Представленные документы не соответствуют требованиям Правил: заявление не заполнено по форме приложения 5.',
  },
  G3_NO_CONSENT: {
    kk: 'Заңмен қорғалатын құпияны қамтитын дербес деректерге қол жеткізуге келісім берілмеген («Дербес деректер және оларды қорғау туралы» Заңның 8-бабы).',
    ru: 'Не дано согласие на доступ к персональным данным, составляющим охраняемую законом тайну (статья 8 Закона «О персональных данных и их защите»).',
  },
};

/** Motivation of the preliminary decision to refuse (item 58): the ground and the right to be heard. */
export function preliminaryMotivation(ground: RefusalGround): Bilingual {
  const t = GROUND_TEXT[ground];
  return {
    kk: `Бас тарту туралы алдын ала шешім. ${t.kk} Тыңдауда өз ұстанымыңызды білдіре аласыз; қарсылықты хабарламаны алған күннен бастап 2 жұмыс күні ішінде беруге болады.`,
    ru: `Предварительное решение об отказе. ${t.ru} Вы можете выразить свою позицию на заслушивании; возражение можно подать в течение 2 рабочих дней со дня получения уведомления.`,
  };
}

/** Motivation of the refusal after the hearing (item 58), on the ground heard. */
export function refusalMotivation(ground: RefusalGround): Bilingual {
  const t = GROUND_TEXT[ground];
  return {
    kk: `Тыңдау нәтижесі бойынша: ${t.kk} Шешімге Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен шағым жасалуы мүмкін.`,
    ru: `По итогам заслушивания: ${t.ru} Решение может быть обжаловано в порядке, установленном Административным процедурно-процессуальным кодексом Республики Казахстан.`,
  };
}

/** Where or how the hearing is held. */
export function hearingPlaceOrWay(collegeName: string, byVideo: boolean): string {
  return byVideo
    ? 'Бейнебайланыс арқылы, сілтеме хабарламада / по видеосвязи, ссылка в уведомлении'
    : `${collegeName}: оқу бөлімі, 1-қабат / учебная часть, 1 этаж`;
}

export const OBJECTION_SUMMARY =
  'Өтініш беруші алдын ала шешіммен келіспейтінін жазбаша білдірді / Заявитель письменно выразил несогласие с предварительным решением';
