// y18n ships no types: the part of it that src/cli-yargs.ts uses (as yargs' own platform shim does).
declare module 'y18n' {
  export default function y18n(options: { directory: string; updateFiles: boolean }): unknown;
}
