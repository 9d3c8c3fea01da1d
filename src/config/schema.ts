import { z } from 'zod';

const url = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'expected an absolute http(s) URL such as https://example.org/news/');

/** `dateline.config.json`: every key optional, unknown keys refused so typos are caught. */
export const configSchema = z.strictObject({
  title: z.string().min(1).max(200).default('Dateline'),
  description: z.string().max(500).default('A news archive.'),
  language: z
    .string()
    .refine((value) => Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0, 'expected a language tag such as "en" or "de-CH"')
    .default('en'),
  baseUrl: url.optional(),
  input: z.string().min(1).default('seeds'),
  output: z.string().min(1).default('dist'),
  templates: z.string().min(1).optional(),
  pageSize: z.int().min(1).max(1000).default(20),
  dayPageSize: z.int().min(1).max(5000).default(100),
  feedSize: z.int().min(1).max(1000).default(50),
  /** Build Pagefind's search index (the slowest stage on big archives; without it /search/ says search is unavailable). */
  search: z.boolean().default(true),
  /** Articles a name must be prominent in to get a topic page; unset, it grows with the archive. */
  topicMinArticles: z.int().min(1).max(100_000).optional(),
  leftoverPatterns: z
    .array(
      z.string().refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression'),
    )
    .default([]),
});

export type SiteConfig = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
