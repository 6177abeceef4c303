// Sample open-text answers for the synthetic data generator, by locale and
// tone. They are written like real survey comments: short, some with quotes,
// semicolons or line breaks, and a bare "-" or "+" (which spreadsheets read as
// the start of a formula), so that exports and reports meet them in tests.

/** The tone of an answer, chosen from the respondent's latent satisfaction. */
export type Tone = 'negative' | 'neutral' | 'positive';

type Pool = Readonly<Record<Tone, readonly string[]>>;

const POOLS: Readonly<Record<string, Pool>> = {
  lt: {
    negative: [
      'Per ilgai tenka laukti atsakymo į el. laišką.',
      'Informacija svetainėje pasenusi, sunku rasti tvarkaraštį.',
      'Darbuotojai ne visada mandagūs; norėtųsi daugiau dėmesio.',
      'Trūksta vietų darželyje, eilė per ilga.',
      'Patalpos seniai remontuotos, tualetuose nešvaru.',
      'Prašymą nagrinėjo ilgiau nei žadėjo.\nNiekas nepaskambino.',
    ],
    neutral: [
      'Daugiau būrelių ir ilgesnis darbo laikas.',
      'Reikėtų atnaujinti sporto salę; „senas“ inventorius.',
      'Norėtųsi aiškesnės informacijos apie mokesčius.',
      'Patogiau būtų registruotis internetu.',
      '-',
      'Nėra pastabų',
    ],
    positive: [
      'Viskas gerai, ačiū!',
      'Labai ačiū mokytojams už kantrybę ir rūpestį.',
      'Puikus darželis, vaikas eina su džiaugsmu.',
      '+',
      'Ačiū už greitą ir aiškų atsakymą.',
    ],
  },
  en: {
    negative: [
      'It takes far too long to get a reply to an e-mail.',
      'The information on the website is out of date; the timetable is hard to find.',
      'Staff are not always polite; more attention would be welcome.',
      'Not enough kindergarten places, the waiting list is too long.',
      'The premises have not been refurbished for years and the toilets are dirty.',
      'My application took longer than promised.\nNobody called back.',
    ],
    neutral: [
      'More after-school clubs and longer opening hours.',
      'The gym needs new equipment; the "old" kit is worn out.',
      'Clearer information about fees, please.',
      'Online registration would be more convenient.',
      '-',
      'No comments',
    ],
    positive: [
      'Everything is fine, thank you!',
      'Many thanks to the teachers for their patience and care.',
      'A great kindergarten, my child goes there happily.',
      '+',
      'Thank you for the quick and clear answer.',
    ],
  },
  ru: {
    negative: [
      'Слишком долго приходится ждать ответа на письмо.',
      'Информация на сайте устарела, расписание трудно найти.',
      'Сотрудники не всегда вежливы; хотелось бы больше внимания.',
      'Не хватает мест в детском саду, очередь слишком длинная.',
      'Помещения давно не ремонтировались, в туалетах грязно.',
      'Заявление рассматривали дольше обещанного.\nНикто не перезвонил.',
    ],
    neutral: [
      'Больше кружков и более удобный график работы.',
      'Нужно обновить спортзал; «старый» инвентарь.',
      'Хотелось бы понятной информации о плате.',
      'Удобнее было бы записываться через интернет.',
      '-',
      'Замечаний нет',
    ],
    positive: [
      'Всё хорошо, спасибо!',
      'Большое спасибо учителям за терпение и заботу.',
      'Прекрасный детский сад, ребёнок ходит с радостью.',
      '+',
      'Спасибо за быстрый и понятный ответ.',
    ],
  },
};

/** The sample answers of a tone in a locale (its language, else English). */
export function textSamples(locale: string, tone: Tone): readonly string[] {
  const language = locale.split('-')[0] ?? locale;
  // Own keys only: a locale such as `constructor` must not reach the prototype.
  const pool = Object.hasOwn(POOLS, language) ? POOLS[language] : POOLS.en;
  return pool?.[tone] ?? [];
}
