/**
 * The version a backup records as `appVersion`. Kept by hand beside package.json's (a unit test
 * checks they agree) because vite.config.ts defines no build-time constant for it.
 */
export const appVersion = '0.1.0';
