/** schema.org structured data, built as plain objects; pages serialise them with toJsonLd. */

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function getBreadcrumbListLd(crumbs: readonly Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

export function getArticleLd(input: {
  title: string;
  description: string;
  url: string;
  dateModified?: Date;
  publisher: string;
  language: string;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.title,
    description: input.description,
    mainEntityOfPage: input.url,
    inLanguage: input.language,
    ...(input.dateModified ? { dateModified: input.dateModified.toISOString() } : {}),
    publisher: { '@type': 'Organization', name: input.publisher },
  };
}

export function getFaqPageLd(url: string, items: ReadonlyArray<{ question: string; answer: string; url: string }>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url,
    mainEntity: items.map((i) => ({
      '@type': 'Question',
      name: i.question,
      url: i.url,
      acceptedAnswer: { '@type': 'Answer', text: i.answer },
    })),
  };
}

/** JSON for a <script type="application/ld+json">, safe against closing the script early. */
export function toJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
