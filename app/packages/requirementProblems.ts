/** What is wrong with the lines of the Requirements box, said before anything is resolved. */
import { parseRequirement, RequirementError } from '../../src/packages/index.ts';
import { MAX_REQUIREMENT_CHARS } from './requirementsText.ts';

/** One requirement that cannot be used, and why. */
export interface RequirementProblem {
  requirement: string;
  message: string;
}

/** Why `line` cannot be installed here, or null. */
function problemOf(line: string): string | null {
  if (line.length > MAX_REQUIREMENT_CHARS)
    return `A requirement is at most ${MAX_REQUIREMENT_CHARS} characters.`;
  if (/^(-i|--index-url|--extra-index-url)\b/.test(line))
    return 'Put the index in the Package index field.';
  if (line.startsWith('-'))
    return 'Options (-r, -e, --find-links…) are not read here: add wheel files by hand instead.';
  try {
    parseRequirement(line);
    return null;
  } catch (error) {
    if (!(error instanceof RequirementError)) throw error;
    return error.problem === 'url'
      ? 'A direct URL (name @ https://…) is not installed; name the project, or add its wheel by hand.'
      : error.message;
  }
}

/** The problems of `requirements`, in order (none: every line can be resolved). */
export function requirementProblems(requirements: readonly string[]): RequirementProblem[] {
  const problems: RequirementProblem[] = [];
  for (const requirement of requirements) {
    const message = problemOf(requirement);
    if (message !== null) problems.push({ requirement, message });
  }
  return problems;
}
