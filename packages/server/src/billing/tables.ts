/** Tables of the billing capability (Kysely types), filled by its migration's author. */
// biome-ignore lint/complexity/noBannedTypes: filled by the billing capability
export type BillingTables = {};
