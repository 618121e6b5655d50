/** The effects of events, decided by the core: intents the edges translate into messages and timers. */
export type * from './intents.js';
export { intentsOf, type EffectContext } from './intents-of.js';
