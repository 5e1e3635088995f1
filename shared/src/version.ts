declare const __LEADTRAIL_VERSION__: string | undefined;

/** The package version, put in by the build (build.mjs) and by vitest.config.ts. */
export const VERSION: string = typeof __LEADTRAIL_VERSION__ == 'string' ? __LEADTRAIL_VERSION__ : '0.0.0-dev';
