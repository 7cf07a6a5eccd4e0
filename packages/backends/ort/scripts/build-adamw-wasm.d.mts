export function compileAdamWKernel(): Promise<string>;
export function moduleSource(base64: string): string;
