/** Tables of the directory of correspondents (répertoire des acteurs). */
// biome-ignore lint/complexity/noBannedTypes: filled by the directory capability
export type DirectoryTables = {};
