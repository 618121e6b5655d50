/**
 * Small lists of Kazakh and Russian names for the stub's generated population. Surnames are kept
 * in the masculine form; the feminine one adds "а" (Ахметов -> Ахметова, Иванов -> Иванова).
 */
export interface NameSet {
  readonly surnames: readonly string[];
  readonly maleNames: readonly string[];
  readonly femaleNames: readonly string[];
  /** [masculine, feminine] patronymic pairs, derived from the father's given name. */
  readonly patronymics: ReadonlyArray<readonly [string, string]>;
}

const kazakhFathers = ['Ерлан', 'Нұрлан', 'Асқар', 'Дәулет', 'Ержан', 'Бауыржан', 'Серік', 'Қайрат', 'Мұрат', 'Болат'];

export const KAZAKH: NameSet = {
  surnames: [
    'Ахметов',
    'Сейтқалиев',
    'Жұмабаев',
    'Нұрпейісов',
    'Тоқтаров',
    'Сәрсенбаев',
    'Омаров',
    'Бекмұхамбетов',
    'Қасымов',
    'Есенов',
    'Әбдірахманов',
    'Төлеуов',
  ],
  maleNames: [
    'Ерлан',
    'Нұрлан',
    'Асқар',
    'Дәулет',
    'Ержан',
    'Бауыржан',
    'Айдос',
    'Арман',
    'Мұрат',
    'Тимур',
    'Әлихан',
    'Санжар',
  ],
  femaleNames: [
    'Айгерім',
    'Әсел',
    'Гүлнара',
    'Динара',
    'Жанар',
    'Мөлдір',
    'Аружан',
    'Салтанат',
    'Назерке',
    'Іңкәр',
    'Ақбота',
    'Жансая',
  ],
  patronymics: kazakhFathers.map((f) => [`${f}ұлы`, `${f}қызы`] as const),
};

export const RUSSIAN: NameSet = {
  surnames: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Морозов', 'Волков', 'Лебедев'],
  maleNames: ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Николай', 'Владимир', 'Евгений'],
  femaleNames: ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Анна', 'Светлана', 'Юлия'],
  patronymics: [
    ['Сергеевич', 'Сергеевна'],
    ['Александрович', 'Александровна'],
    ['Николаевич', 'Николаевна'],
    ['Владимирович', 'Владимировна'],
    ['Викторович', 'Викторовна'],
    ['Андреевич', 'Андреевна'],
    ['Петрович', 'Петровна'],
    ['Юрьевич', 'Юрьевна'],
  ],
};
