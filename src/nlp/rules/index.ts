/** Every coach rule, in one list, and the trigger index built from it once at load. */
import { buildIndex, type Rule } from '../rule.ts';
import { ASSESSMENT_RULES } from './assessment.rule.ts';
import { CURIOSITY_RULES } from './curiosity.rule.ts';
import { DIRECTIVE_RULES } from './directive.rule.ts';
import { FEAR_RULES } from './fear.rule.ts';
import { JUDGING_RULES } from './judging.rule.ts';
import { MINIMIZING_RULES } from './minimizing.rule.ts';
import { MOVING_TOWARD_RULES } from './moving-toward.rule.ts';
import { MUTUALITY_RULES } from './mutuality.rule.ts';
import { REFLECTION_RULES } from './reflection.rule.ts';
import { WE_RULES } from './we.rule.ts';

/** All rules, fear side first. */
export const RULES: readonly Rule[] = [
  ...DIRECTIVE_RULES,
  ...ASSESSMENT_RULES,
  ...JUDGING_RULES,
  ...FEAR_RULES,
  ...MINIMIZING_RULES,
  ...CURIOSITY_RULES,
  ...REFLECTION_RULES,
  ...MUTUALITY_RULES,
  ...WE_RULES,
  ...MOVING_TOWARD_RULES,
];

/** Rules indexed by the words that can start a match. */
export const RULE_INDEX = buildIndex(RULES);
