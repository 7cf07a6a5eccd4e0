export declare const SYNTHETIC_TEMPLATES: string[];
export declare function writeSyntheticRun(dir: string, options?: { steps?: number; seed?: number; evalEvery?: number }): string;
