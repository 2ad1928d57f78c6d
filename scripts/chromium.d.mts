export declare const DEBIAN_CHROMIUM: string;
export declare function findChromium(env?: NodeJS.ProcessEnv): { path: string; source: string } | undefined;
export declare const CHROMIUM_ARGS: string[];
