import * as z from 'zod/mini';
import { isCalendarDate } from '../dates.ts';
import { SAFE_SLUG } from '../derive/slug.ts';
import '../config/schema.ts'; // zod's English messages

/** The front matter Dateline reads from a Markdown article; other keys are left alone. */
export const frontMatterFields = z.object({
  title: z.string({ error: 'title is required (a line such as: title: "Troops deployed")' }).check(z.trim(), z.minLength(1, 'title is empty')),
  date: z
    .string({ error: 'date is required as YYYY-MM-DD (a line such as: date: 2025-04-27)' })
    .check(z.refine(isCalendarDate, { error: (issue) => `date "${String(issue.input)}" is not a calendar date (expected YYYY-MM-DD)` })),
  slug: z.optional(z.string().check(z.regex(SAFE_SLUG, 'slug may hold only lower-case letters, digits and single hyphens'), z.maxLength(80))),
  summary: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
  tags: z._default(
    z.union([
      z.pipe(
        z.string().check(z.trim(), z.minLength(1)),
        z.transform((tag: string) => [tag]),
      ),
      z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    ]),
    [],
  ),
  author: z._default(
    z.union([
      z.pipe(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        z.transform((name: string) => [name]),
      ),
      z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(20)),
    ]),
    [],
  ),
  /** The day it was last changed, shown as "Updated …": a calendar date, not before `date`. */
  updated: z.optional(z.string().check(z.refine(isCalendarDate, { error: (issue) => `updated "${String(issue.input)}" is not a calendar date (expected YYYY-MM-DD)` }))),
  /** Its picture for links shared elsewhere (Open Graph): a picture beside the file, or a web address. */
  image: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
  source_url: z.optional(z.string().check(z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'source_url must be an absolute http(s) URL'))),
  draft: z._default(z.boolean({ error: 'draft must be true or false' }), false),
});

export type FrontMatterFields = z.output<typeof frontMatterFields>;
