export const MAIN_HELP = `dateline: turns a folder of dated news articles into a static archive site

Usage:
  dateline init [DIR]        start a site: sample article, config, scripts, deploy recipes
  dateline build [options]   build the site into the output folder
  dateline check [options]   validate the input without writing anything
  dateline new [FILE|-]      add an article to the input folder from a file or standard input
  dateline serve [options]   build, serve on localhost, rebuild and reload pages on change
  dateline <command> --help  options of one command

Settings come from dateline.config.json in the working directory (if present); flags override it.
Template filters and globals come from dateline.config.mjs beside it (if present).
`;

const SHARED = `  --input DIR        folder of articles (default: seeds)
  --config FILE      config file (default: dateline.config.json)
  --drafts           include articles marked draft: true
  -h, --help         show this help`;

export const BUILD_HELP = `Usage: dateline build [--input DIR] [--output DIR] [--base-url URL] [--clean] [--in-place] [--strict] [--drafts] [--allow-empty]

Reads every .txt (seed format) and .md (front matter) article in the input folder and writes the
site to the output folder. A bad file is reported as file:line: reason and left out; the rest is built.
Builds are incremental: unchanged articles are not parsed again and unchanged pages not rendered
or written again (the cache is in node_modules/.cache/dateline/).

Options:
  --output DIR       where the site is written (default: dist); replaced as a whole on success
  --base-url URL     the site's public address, e.g. https://example.org/news/; needed for
                     canonical links, feeds (feed.xml, rss.xml, feed.json) and the sitemaps
                     (sitemap.xml, and sitemap-news.xml for Google News)
  --clean            ignore the build cache and rebuild everything
  --in-place         update changed files in place instead of swapping in a whole new version:
                     faster, but readers may see old and new pages mixed for a moment
  --strict           exit with status 1 if any file was skipped
  --allow-empty      publish an empty site when the input folder has no articles (without it, an
                     empty input folder leaves a published site as it was)
  --jobs N           worker threads for parsing (default: one per core)
${SHARED}
`;

export const CHECK_HELP = `Usage: dateline check [--input DIR] [--output DIR] [--jobs N]

Validates every article as a build would, reports each problem as file:line: reason and what
cleaning removes, and writes nothing. With the build state of the output folder, only files
changed since that build are read. Exits with status 1 if any file has an error.

Options:
  --output DIR       the site folder whose build state to use (default: dist)
  --jobs N           worker threads for parsing (default: one per core)
${SHARED}
`;

export const NEW_HELP = `Usage: dateline new [--date YYYY-MM-DD] [--input DIR] [FILE|-]

Writes a new article in the seed format into the input folder: the text of FILE (or of standard
input when FILE is - or absent), the next sequence number, a fresh random 16-hex id, and today's
date unless --date is given (a "date YYYY-MM-DD" line at the top of the text also sets it).
Validates it as a build would, never overwrites a file, and prints its path and future URL.

Options:
  --date YYYY-MM-DD  the article's date (default: today, in this machine's time zone)
  --input DIR        folder of articles (default: seeds)
  --config FILE      config file (default: dateline.config.json)
  -h, --help         show this help
`;

export const SERVE_HELP = `Usage: dateline serve [--port 8080] [--host 127.0.0.1] [--input DIR] [--output DIR] [--base-url URL]

Builds the site, serves the output folder at http://localhost:8080/, watches the input folder,
the templates and the config file, rebuilds incrementally on every change and reloads open pages.
A bad file is reported here and the rest of the site keeps working.

Options:
  --port N           port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS     address to listen on (default 127.0.0.1: this machine only)
  --output DIR       folder to build into and serve (default: dist)
  --base-url URL     as for dateline build
  --input DIR        folder of articles (default: seeds)
  --config FILE      config file (default: dateline.config.json)
  -h, --help         show this help
`;

export const INIT_HELP = `Usage: dateline init [--templates] [DIR]

Starts a site in DIR (default: the current folder): articles/ with a sample article,
dateline.config.json with every setting at its default, a package.json with "build" and "start"
scripts (added to one that exists), a .gitignore, and deploy recipes for GitHub Pages
(.github/workflows/publish.yml), GitLab Pages (.gitlab-ci.yml), Netlify (netlify.toml) and
Cloudflare Pages (wrangler.toml). Files that exist are kept, never overwritten.

Options:
  --templates        also copy the default templates into templates/ for editing, and use them
  -h, --help         show this help
`;
