// The door of this capability: other capabilities import only what is exported here.
export { birthPlaces } from './birth-places.ts';
