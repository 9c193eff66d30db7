/** Node I/O shared by the CLI and the extension host. */
export * from './scanFolder';
export { loadFolderConfig, loadConfigFile, loadBaseline, type LoadedConfig } from './config';
export { writeFileAtomic } from './atomicWrite';
export { appendEnvEntry, ensureGitignored } from './dotenv';
export { gitStagedFiles, gitTopLevel } from './git';
export { listFiles, type FileListing } from './walk';
