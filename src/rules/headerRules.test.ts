import { HEADER_CASES } from './cases/headerCases.ts';
import { describeRuleCases } from './ruleHarness.testing.ts';

describeRuleCases('rules on the status and the headers', HEADER_CASES);
