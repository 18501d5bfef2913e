/** Absolute path of tools/ferretdb/bin/ferretdb-embedded. */
export declare const ferretBinaryPath: string;

/**
 * Builds the FerretDB binary with `go build` if it is missing or older than main.go, go.mod, go.sum or build-lib.mjs (which holds small FerretDB bug fixes applied to a copy of its module).
 * Progress lines go to `opts.log` (default: stderr). Rejects with a clear message if `go` is not installed.
 * @returns absolute path of the binary
 */
export declare function ensureFerretBinary(opts?: { log?: (msg: string) => void }): Promise<string>;
