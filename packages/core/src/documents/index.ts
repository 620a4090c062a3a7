import './messages.ts';

export * from './confidentiality.ts';
export * from './document-kinds.ts';
export * from './mandatory-mentions.ts';
export * from './merge-fields.ts';
export * from './prescription-print.ts';
export * from './proper-names.ts';
export * from './reference-lists.ts';
export * from './report-sections.ts';
export * from './rich-text.ts';
export * from './schemas.ts';
export * from './snippets.ts';
export * from './spell-words.ts';
export * from './spelling-text.ts';
export * from './term-tokens.ts';
export * from './workflow.ts';
