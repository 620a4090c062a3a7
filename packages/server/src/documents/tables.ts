/** Tables of the documents capability (Kysely types), filled by its migration's author. */
// biome-ignore lint/complexity/noBannedTypes: filled by the documents capability
export type DocumentsTables = {};
