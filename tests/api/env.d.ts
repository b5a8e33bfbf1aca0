// Values provided by tests/setup/global.ts (vitest globalSetup) to the API tests.
declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
export {};
