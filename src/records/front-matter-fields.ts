import { z } from 'zod';
import { isCalendarDate } from '../dates.ts';
import { SAFE_SLUG } from '../derive/slug.ts';

/** The front matter Dateline reads from a Markdown article; other keys are left alone. */
export const frontMatterFields = z.object({
  title: z.string({ error: 'title is required (a line such as: title: "Troops deployed")' }).trim().min(1, 'title is empty'),
  date: z
    .string({ error: 'date is required as YYYY-MM-DD (a line such as: date: 2025-04-27)' })
    .refine(isCalendarDate, { error: (issue) => `date "${String(issue.input)}" is not a calendar date (expected YYYY-MM-DD)` }),
  slug: z
    .string()
    .regex(SAFE_SLUG, 'slug may hold only lower-case letters, digits and single hyphens')
    .max(80)
    .optional(),
  summary: z.string().trim().min(1).max(1000).optional(),
  tags: z
    .union([z.string().trim().min(1).transform((tag) => [tag]), z.array(z.string().trim().min(1).max(100))])
    .default([]),
  author: z.string().trim().min(1).max(200).optional(),
  source_url: z
    .string()
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'source_url must be an absolute http(s) URL')
    .optional(),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});

export type FrontMatterFields = z.output<typeof frontMatterFields>;
