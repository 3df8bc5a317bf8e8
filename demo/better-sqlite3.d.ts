// The few better-sqlite3 APIs the demo and the server tests use (@types/better-sqlite3 is not installed).
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement {
      run(...params: unknown[]): { changes: number };
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(source: string): unknown;
      close(): void;
    }
  }
  const Database: {
    new (filename: string, options?: Record<string, unknown>): Database.Database;
  };
  export default Database;
}
