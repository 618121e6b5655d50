/** The message contract (SPEC section 3): topics, schemas, logical types, message types, key rules. */
export * from './topics.js';
export * from './errors.js';
export * from './enum-symbols.js';
export * from './logical-types.js';
export * from './registry-options.js';
export * from './schemas.js';
export * from './kinds.js';
export * from './message-key.js';
export type * from './messages.js';
