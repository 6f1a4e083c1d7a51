/** Site-relative paths to links and absolute URLs, with the deployment base applied. */
import { withBase } from '../content/routes.ts';

const base = import.meta.env.BASE_URL;

/** A link href for a site-relative path: "/billing/" -> "/help/billing/". */
export const href = (sitePath: string) => withBase(base, sitePath);

/** An absolute URL for canonical links, JSON-LD and the sitemap. */
export const absoluteUrl = (sitePath: string, site: URL | string) => new URL(href(sitePath), site).toString();
