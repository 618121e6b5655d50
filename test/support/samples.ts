/** The contract's sample values live in src (docs/asyncapi/samples is written from them); tests import them here. */
export * from '../../src/contract/samples.js';
