import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

type Listener = () => void;
interface Watch {
  tables: ReadonlySet<string>;
  /** Updates of these columns only do not concern the listener (a cache keeping them itself). */
  ignoredColumns: ReadonlySet<string>;
  listener: Listener;
}

/**
 * Tells in-process caches that a table they copy was updated or deleted from through this
 * connection: query-builder statements by their table, raw SQL by its `UPDATE t` / `DELETE FROM t`.
 * A listener runs when the statement is sent and again when it answered, so a read racing the
 * write cannot keep the old row past the statement (only until its transaction commits).
 * Inserts are not watched: no cache holds a row that did not exist.
 */
export class WriteWatch implements KyselyPlugin {
  readonly #listeners: Watch[] = [];
  readonly #touched = new WeakMap<object, Listener[]>();

  /** `listener` runs after any update or delete of one of `tables`. */
  watch(tables: readonly string[], listener: Listener, ignoredColumns: readonly string[] = []): void {
    this.#listeners.push({ tables: new Set(tables), ignoredColumns: new Set(ignoredColumns), listener });
  }

  /** A write the watch cannot see (a migration or restore script): every listener runs. */
  everythingChanged(): void {
    for (const { listener } of this.#listeners) listener();
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.#listeners.length > 0) {
      const tables = writtenTables(args.node);
      if (tables.length > 0) {
        const columns = updatedColumns(args.node);
        const listeners = this.#listeners
          .filter(
            (l) => tables.some((t) => l.tables.has(t)) && !columns?.every((c) => l.ignoredColumns.has(c)),
          )
          .map((l) => l.listener);
        for (const listener of listeners) listener();
        if (listeners.length > 0) this.#touched.set(args.queryId, listeners);
      }
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const listener of this.#touched.get(args.queryId) ?? []) listener();
    return args.result;
  }
}

const rawWrite = /\b(?:update|delete\s+from)\s+"?(\w+)"?/gi;

function writtenTables(node: RootOperationNode): string[] {
  switch (node.kind) {
    case 'UpdateQueryNode':
      return node.table ? [tableName(node.table)] : [];
    case 'DeleteQueryNode':
      return node.from.froms.map(tableName);
    case 'RawNode':
      return [...rawText(node).matchAll(rawWrite)].map((m) => m[1]!.toLowerCase());
    default:
      return [];
  }
}

/** Raw SQL's text with its table parameters (`sql.table(...)`) written in; other values as `?`. */
function rawText(node: OperationNode): string {
  if (node.kind === 'TableNode' || node.kind === 'AliasNode') return tableName(node);
  if (node.kind !== 'RawNode') return '?';
  const raw = node as unknown as { sqlFragments: readonly string[]; parameters: readonly OperationNode[] };
  return raw.sqlFragments.map((f, i) => f + (raw.parameters[i] ? rawText(raw.parameters[i]) : '')).join('');
}

/** The columns a query-builder update sets; null when unknown (raw SQL, delete). */
function updatedColumns(node: RootOperationNode): string[] | null {
  if (node.kind !== 'UpdateQueryNode' || !node.updates) return null;
  return node.updates.map((u) => (u.column as unknown as { column: { name: string } }).column?.name ?? '');
}

function tableName(node: OperationNode): string {
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'TableNode')
    return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  return '';
}
