import './messages.ts';

export * from './action-schema.ts';
export * from './birth-place.ts';
export * from './close-dates.ts';
export * from './duplicates.ts';
export * from './identity-status.ts';
export * from './nir.ts';
export * from './phonetic.ts';
export * from './responses.ts';
export * from './search-keys.ts';
export * from './search-query.ts';
export * from './similarity.ts';
export * from './traits.ts';
