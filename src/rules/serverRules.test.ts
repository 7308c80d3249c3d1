import { SERVER_CASES } from './cases/serverCases.ts';
import { describeRuleCases } from './ruleHarness.testing.ts';

describeRuleCases('rules on what gunicorn and waitress did differently', SERVER_CASES);
