/// <reference types="vite/client" />
/** The payments API origin, fixed at build time (see scripts/build-config.ts). */
declare const __TIPLINE_API__: string
