// The one database shape the API codes against, whichever driver is underneath.
export interface QueryResult<R> {
  rows: R[]
  rowCount: number
}

/**
 * A connection inside a transaction, or the Db outside one. Outside a transaction each statement
 * is a transaction of its own; on Postgres it is run again when chosen as a deadlock victim, since
 * it was then rolled back whole.
 */
export interface Tx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>
  /** Several statements in one string, no parameters: migrations only. */
  exec(sql: string): Promise<void>
}

export interface Db extends Tx {
  /**
   * BEGIN … COMMIT around fn; ROLLBACK when it throws. Inside fn use only the Tx it is given:
   * on PGlite the Db itself is held by the transaction, so a query through it would wait forever.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  close(): Promise<void>
}
