// Eleventy 3 ships no type declarations; this covers the part of its API Dateline uses.
declare module '@11ty/eleventy' {
  export interface EleventyConfig {
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string[]): void;
    addGlobalData(name: string, value: unknown): void;
    setDataDeepMerge(deep: boolean): void;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    /** `''` skips config files in the working directory. */
    configPath?: string;
    config?: (config: EleventyConfig) => void;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    toJSON(): Promise<{ url: string | false; inputPath: string; outputPath: string | false; content: string }[]>;
  }
}
