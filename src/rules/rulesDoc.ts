/**
 * Generates docs/rules.md from the rules themselves (and the wsgiref.validate mapping), so the
 * docs cannot drift from the code: `src/rules/rulesDoc.test.ts` fails when they differ.
 */
import { RULE_GROUPS, RULES } from './index.ts';
import { PEP_SECTION_TITLES } from './pep.ts';
import type { Rule } from './types.ts';
import {
  BEYOND_VALIDATE,
  VALIDATE_CHECKS,
  WERKZEUG_DIFFERENCES,
  type MappingStatus,
} from './validateMapping.ts';

const STATUS_TEXT: Record<MappingStatus, string> = {
  covered: 'covered',
  different: 'deliberately different',
  server: 'server side',
  'not-covered': 'not covered',
};

/** How many of validate's checks have this status. */
function counts(status: MappingStatus): number {
  return VALIDATE_CHECKS.filter((check) => check.status === status).length;
}

/** A markdown table cell: no pipes or line breaks inside. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function ruleLink(id: string): string {
  return `[\`${id}\`](#${id})`;
}

function ruleSection(rule: Rule): string[] {
  const section = PEP_SECTION_TITLES[rule.pepUrl] ?? 'PEP 3333';
  return [
    `### ${rule.id}`,
    '',
    `**${rule.title}** · severity: ${rule.severity}`,
    '',
    rule.detects,
    '',
    `> ${rule.pepQuote}`,
    '>',
    `> — [PEP 3333, ${section}](${rule.pepUrl})`,
    '',
    `**Fix:** ${rule.hint}`,
    '',
  ];
}

/** The full text of docs/rules.md (before formatting by Prettier). */
export function renderRulesDoc(): string {
  return [
    '# Protocol rules',
    '',
    '<!-- Generated from src/rules by src/rules/rulesDoc.ts; do not edit by hand.',
    '     Regenerate with: UPDATE_DOCS=1 npx vitest run src/rules/rulesDoc.test.ts -->',
    '',
    `The playground checks every run against ${RULES.length} rules of [PEP 3333](https://peps.python.org/pep-3333/). Each rule reads the Trace — the events recorded at the protocol boundary — and reports a finding at the event and the line of the app it concerns, with the PEP sentence it enforces and a hint for the fix. Rules judge the app only: the server here is CPython's own \`wsgiref\` handler.`,
    '',
    '| rule | severity | title |',
    '| --- | --- | --- |',
    ...RULES.map((rule) => `| ${ruleLink(rule.id)} | ${rule.severity} | ${cell(rule.title)} |`),
    '',
    ...RULE_GROUPS.flatMap((group) => [
      `## ${group.title}`,
      '',
      ...group.rules.flatMap(ruleSection),
    ]),
    '## wsgiref.validate, check by check',
    '',
    `The stdlib's \`wsgiref.validate\` lists its checks in its module docstring. Here is each of them and what the rules above do about it: ${counts('covered')} covered, ${counts('different')} deliberately different, ${counts('server')} on the server's side (the server here is wsgiref itself), ${counts('not-covered')} not covered. Run with \`--validate\` (or the \`compareValidate\` setting) to see validate's own verdict beside ours.`,
    '',
    '| wsgiref.validate checks | here | rules | why |',
    '| --- | --- | --- | --- |',
    ...VALIDATE_CHECKS.map(
      (check) =>
        `| ${cell(check.check)} | ${STATUS_TEXT[check.status]} | ${check.rules.map(ruleLink).join(', ')} | ${cell(check.note)} |`,
    ),
    '',
    '## What wsgiref.validate does not check',
    '',
    "Faults these rules report and validate lets through — some of them make wsgiref's handler raise, but validate gives no verdict on them:",
    '',
    '| rule | why validate misses it |',
    '| --- | --- |',
    ...BEYOND_VALIDATE.map((item) => `| ${ruleLink(item.rule)} | ${cell(item.why)} |`),
    '',
    "## Werkzeug's lint middleware",
    '',
    '| Werkzeug checks | here |',
    '| --- | --- |',
    ...WERKZEUG_DIFFERENCES.map((item) => `| ${cell(item.check)} | ${cell(item.note)} |`),
    '',
  ].join('\n');
}
