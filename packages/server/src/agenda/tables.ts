/** Tables of the agenda capability (Kysely types), filled by its migration's author. */
// biome-ignore lint/complexity/noBannedTypes: filled by the agenda capability
export type AgendaTables = {};
