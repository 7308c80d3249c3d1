/** This release of the playground, as package.json names it (one place for it). */
export { version as PLAYGROUND_VERSION } from '../../package.json';
