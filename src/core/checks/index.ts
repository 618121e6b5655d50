/** Intake completeness per channel (R2-R4, R7; items 47, 52). */
export type { IntakeFinding, IntakeFindingCode } from './finding.js';
export { validateIntake, isIntakeRefused } from './validate-intake.js';
export { ageOn, isMinorOn, AGE_OF_MAJORITY } from './age.js';
