import type { OwnPage } from '../records/page-record.ts';
import { pageCommon } from './common.ts';
import type { OwnPageModel, SiteSettings } from './types.ts';

/** A page of the site's own, in the site's layout. */
export function ownPageModel(page: OwnPage, site: SiteSettings): OwnPageModel {
  return { ...pageCommon(page.path, page.title, page.description, site), template: 'page', heading: page.title, bodyHtml: page.bodyHtml };
}
