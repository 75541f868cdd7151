/** Rules for names the lexicons do not know: see src/entities/rules/ and lexicons/rules/. */
export { findRuleMentions, scanOf, type RuleContext } from "./rules/index.js";
