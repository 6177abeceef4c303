import type { Command } from '../command.js';
import { flag, positionals, required } from '../command.js';
import { EXIT_CODES } from '../../exit-codes.js';
import { analyseWithProgress, analysisText } from '../analysis.js';
import { isWithheld, publishableAnalysis, withheldNotice } from '../publish.js';
import { ingestFlags, ingestOptions, loadQuestionnaire, readResponsesFile } from '../load.js';
import {
  ANALYSIS_OPTIONS,
  analysisOptions,
  localeOption,
  reportIngestion,
} from './analysis-options.js';
import { INGEST_OPTIONS } from './ingest-options.js';

/** `edu-quality index`: the satisfaction index of a survey export. */
export const indexCommand: Command = {
  name: 'index',
  summary:
    'Compute the satisfaction index of a survey export: overall, by dimension and item, by segments (with suppression), NPS, intervals.',
  usage: 'index <responses.csv> --questionnaire FILE [options]',
  description: [
    'Scores are 0–100 (100 = everyone at the top of the scale). Intervals are 95% linearisation',
    '(delta-method t) intervals unless --interval or --level say otherwise. Groups smaller than',
    '--min-group-size are suppressed, and so is the next smallest when it would reveal them.',
    'Rejected rows are reported on stderr and left out; --strict makes them fail the run.',
    'A suppressed group says why: n below the minimum, or hidden to protect a smaller group.',
    'Segment codes typed by respondents (not options of the question) are redacted like open',
    'text (e-mails, phone numbers, personal codes, person names); a suppressed group of such a',
    'code is not named. A study with fewer respondents than --min-group-size publishes no',
    'number: a notice instead, exit 5.',
  ].join('\n'),
  options: {
    questionnaire: {
      type: 'string',
      short: 'Q',
      value: 'FILE',
      description: 'the questionnaire (JSON file or builtin:NAME)',
    },
    ...INGEST_OPTIONS,
    ...ANALYSIS_OPTIONS,
  },
  examples: [
    'edu-quality index answers.csv --questionnaire questionnaire.json',
    'edu-quality index answers.csv -Q builtin:education-satisfaction --by institution --by group',
    'edu-quality index answers.csv -Q q.json --interval bootstrap --replicates 2000 --format json',
  ],
  async run(ctx, parsed) {
    const [file] = positionals('index', parsed, ['responses']) as [string];
    const questionnaire = loadQuestionnaire(ctx, required('index', parsed, 'questionnaire'));
    const options = analysisOptions('index', parsed);
    const set = await readResponsesFile(
      ctx,
      questionnaire,
      file,
      ingestOptions('index', ingestFlags(parsed)),
    );
    const failed = reportIngestion(ctx, file, set, flag(parsed, 'strict'));
    if (failed) return 1;
    const analysis = analyseWithProgress(ctx, set, options);
    if (isWithheld(analysis, options.minGroupSize)) {
      // Not even the counts: n below the threshold is itself a disclosure.
      ctx.json({
        questionnaire: { id: questionnaire.id, version: questionnaire.version },
        withheld: { reason: 'below-minimum', minGroupSize: options.minGroupSize },
        notice: withheldNotice(options.minGroupSize),
      });
      ctx.out(withheldNotice(options.minGroupSize));
      return EXIT_CODES.withheld;
    }
    const published = publishableAnalysis(set, analysis);
    ctx.json({
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      responses: { file: ctx.display(file), counts: set.counts, issues: set.issues },
      ...published,
    });
    for (const line of analysisText(set, published, localeOption(parsed))) ctx.out(line);
    return 0;
  },
};
