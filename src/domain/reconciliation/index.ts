export * from './events.js';
export * from './postings.js';
export * from './situations.js';
