import { listItems, type ResponseSet } from '@edu-quality/questionnaire';
import { localize } from '@edu-quality/core';
import type { Command } from '../command.js';
import { positionals, str } from '../command.js';
import { formatIssue } from '@edu-quality/core';
import {
  ingestFlags,
  ingestOptions,
  loadQuestionnaireOrIssues,
  readResponsesFile,
} from '../load.js';
import { INGEST_OPTIONS } from './ingest-options.js';

/** `edu-quality validate`: a questionnaire, and optionally a survey export against it. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a questionnaire, and a survey export against it: counts and every issue.',
  usage: 'validate <questionnaire.json> [--responses FILE] [options]',
  description: [
    'The questionnaire is a JSON file (see docs/schema/questionnaire.schema.json) or',
    'builtin:education-satisfaction, builtin:nok-education, builtin:ecsi, builtin:servqual.',
    'With --responses, the export (CSV with , ; tab or | — or a JSON array of records) is read',
    'against it: rows read, accepted and rejected, and each issue with its row and column.',
    "Respondents' answers are never printed. Exit 1 when any issue is found.",
  ].join('\n'),
  options: {
    responses: {
      type: 'string',
      short: 'r',
      value: 'FILE',
      description: 'a survey export to check',
    },
    ...INGEST_OPTIONS,
  },
  examples: [
    'edu-quality validate examples/questionnaire.json',
    'edu-quality validate examples/questionnaire.json --responses examples/responses.csv --id-column respondent',
    'edu-quality validate builtin:nok-education --responses answers.csv --format json',
  ],
  async run(ctx, parsed) {
    const [spec] = positionals('validate', parsed, ['questionnaire']) as [string];
    const loaded = loadQuestionnaireOrIssues(ctx, spec);
    const responsesFile = str(parsed, 'responses');
    const options = ingestOptions('validate', ingestFlags(parsed));
    const name = spec.startsWith('builtin:') ? spec : ctx.display(spec);
    if (!loaded.ok) {
      ctx.json({ ok: false, questionnaire: { file: name, valid: false, issues: loaded.issues } });
      ctx.out(`Questionnaire ${name}: ${loaded.issues.length} issue(s)`);
      for (const issue of loaded.issues) ctx.out(`  ${formatIssue(issue)}`);
      ctx.note(
        `Fix the questionnaire at the paths shown${responsesFile === undefined ? '' : ', then validate the responses again'}.`,
      );
      return 1;
    }
    const q = loaded.questionnaire;
    const items = listItems(q);
    const summary = {
      file: name,
      valid: true,
      id: q.id,
      version: q.version,
      title: localize(q.title, q.defaultLocale),
      locales: q.locales,
      sections: q.sections.length,
      items: items.length,
      issues: [],
    };
    ctx.out(`Questionnaire ${name}: valid`);
    ctx.out(`  ${summary.title} (${q.id}, version ${q.version})`);
    ctx.out(
      `  locales ${q.locales.join(', ')}; ${q.sections.length} sections; ${items.length} items`,
    );
    if (responsesFile === undefined) {
      ctx.json({ ok: true, questionnaire: summary });
      return 0;
    }
    const set: ResponseSet = await readResponsesFile(ctx, q, responsesFile, options);
    const { read, accepted, rejected, droppedAnswers } = set.counts;
    const ok = set.issues.length === 0;
    ctx.json({
      ok,
      questionnaire: summary,
      responses: { file: ctx.display(responsesFile), counts: set.counts, issues: set.issues },
    });
    ctx.out('');
    ctx.out(`Responses ${ctx.display(responsesFile)}:`);
    ctx.out(
      `  rows read ${read}, accepted ${accepted}, rejected ${rejected}, answers dropped ${droppedAnswers}`,
    );
    ctx.out(`  issues (${set.issues.length}):`);
    for (const issue of set.issues) ctx.out(`    ${formatIssue(issue)}`);
    if (!ok) {
      ctx.note(
        rejected > 0
          ? `${ctx.display(responsesFile)}: ${rejected} row(s) rejected. Correct the cells named above (row 1 is the header), or pass --on-invalid drop-answer to keep the other answers of those rows.`
          : `${ctx.display(responsesFile)}: see the issues above.`,
      );
    }
    return ok ? 0 : 1;
  },
};
