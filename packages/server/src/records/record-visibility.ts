// The visibility rule written in SQL now lives with every other statement of the record, in
// repository.ts; this address stays for the modules that still import it.
export type { RecordItemFilter, RecordReader } from './repository.ts';
export {
  activeBreakGlass,
  documentVisibleTo,
  visibleAttachment,
  visibleRecordItems,
  visibleTo,
} from './repository.ts';
