import type { SiteConfig } from '../config/schema.ts';

type Colors = NonNullable<SiteConfig['colors']>;
type Palette = NonNullable<Colors['light']>;

/** The custom property each palette key sets in the stylesheet. */
const PROPERTIES: Readonly<Record<keyof Palette, string>> = {
  accent: '--accent',
  text: '--text',
  muted: '--muted',
  background: '--background',
  surface: '--surface',
  rule: '--rule',
  link: '--link',
  linkVisited: '--link-visited',
  focus: '--focus',
};

/**
 * `assets/theme.css`: the site's own colours as custom properties, one block for light mode and
 * one for dark, linked after the stylesheet so they win. A colour set for one mode only leaves the
 * other mode's default alone (a dark accent is rarely readable on a light page), and print keeps
 * the stylesheet's black on white. Pages only link it, so changing a colour rewrites this file
 * alone. Undefined when no colour is set. The values were checked by `isCssColor`.
 */
export function themeCss(colors: SiteConfig['colors']): string | undefined {
  const blocks = (['light', 'dark'] as const).flatMap((mode) => {
    const declarations = Object.entries(colors?.[mode] ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `    ${PROPERTIES[key as keyof Palette]}: ${value};`);
    return declarations.length === 0 ? [] : [`@media screen and (prefers-color-scheme: ${mode}) {\n  :root {\n${declarations.join('\n')}\n  }\n}\n`];
  });
  return blocks.length === 0 ? undefined : `/* The site's colours, from "colors" in dateline.config.json. */\n${blocks.join('\n')}`;
}
