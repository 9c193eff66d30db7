/** Injected by esbuild at build time (see esbuild.js): the package version. */
declare const __AUDIT_READY_VERSION__: string;
