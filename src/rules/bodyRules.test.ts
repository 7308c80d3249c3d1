import { BODY_CASES } from './cases/bodyCases.ts';
import { describeRuleCases } from './ruleHarness.testing.ts';

describeRuleCases('rules on the response body', BODY_CASES);
