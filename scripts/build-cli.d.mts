/** Types of scripts/build-cli.mjs for the TypeScript tests that import it. */
export const CLI_OUT: string;
export const CLI_ENTRY: string;
export function newestSourceMtime(): number;
export function cliBuildIsFresh(): boolean;
export function buildCli(): Promise<void>;
