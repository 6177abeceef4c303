// The questionnaire of the NOK benchmarks (bench/nok.bench.mjs and
// bench/nok-scoring.bench.mjs): the organisation (any code) and q1..q14 as
// yes/no; q15 (free text) is not an item, so readers are told to skip it.
const en = (text) => ({ en: text });
const yesNo = [
  { value: 'yes', label: en('Yes') },
  { value: 'no', label: en('No') },
];

export const nokBenchQuestionnaire = {
  id: 'nok-bench',
  version: '1',
  title: en('NOK survey (bench)'),
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    {
      id: 's1',
      title: en('Survey'),
      questions: [
        {
          id: 'organisation',
          kind: 'single',
          role: 'segment',
          text: en('Organisation'),
          options: [],
          acceptUnlisted: true,
        },
        ...Array.from({ length: 14 }, (_, i) => ({
          id: `q${i + 1}`,
          kind: 'single',
          text: en(`q${i + 1}`),
          options: yesNo,
        })),
      ],
    },
  ],
};
