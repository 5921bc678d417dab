export * from './limit-change.js';
export * from './situations.js';
export * from './term-billing.js';
export * from './jobs.js';
