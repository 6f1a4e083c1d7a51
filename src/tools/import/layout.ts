/**
 * Where imported pages go in our content folder. Categories with sections and translations
 * under `content/<locale>/` are used when this version's schemas have them; until then a
 * section becomes a category of its own ("Billing: Invoices") and translations are still written
 * at their place, for the version that builds them. This is the one place that decides it.
 */
import { CategorySchema, SiteSettingsSchema } from '../../content/schema.ts';

export interface ContentLayout {
  /** Categories in categories.yaml have `sections`, and articles sit at articles/<category>/<section>/. */
  sections: boolean;
  /** site.yaml lists `locales`. */
  locales: boolean;
}

export function getContentLayout(): ContentLayout {
  return { sections: 'sections' in CategorySchema.shape, locales: 'locales' in SiteSettingsSchema.shape };
}

export interface Placement {
  /** The folders under articles/ (or faqs/): ["billing"] or ["billing", "invoices"]. */
  folders: string[];
  /** The categories.yaml category this page is in. */
  categoryId: string;
  /** Its section id, when sections are folders. */
  sectionId?: string;
}

/** A category id and an optional section id of the import, placed in the layout. */
export function placeGroup(layout: ContentLayout, categoryId: string, sectionId: string | undefined): Placement {
  if (!sectionId) return { folders: [categoryId], categoryId };
  if (layout.sections) return { folders: [categoryId, sectionId], categoryId, sectionId };
  const merged = `${categoryId}-${sectionId}`;
  return { folders: [merged], categoryId: merged };
}
