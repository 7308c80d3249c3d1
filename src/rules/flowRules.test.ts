import { FLOW_CASES } from './cases/flowCases.ts';
import { describeRuleCases } from './ruleHarness.testing.ts';

describeRuleCases('rules on start_response, errors and the streams', FLOW_CASES);
