/** Empty conversion counts for importer unit tests (every list the importer may fill). */
import type { ConversionCounts } from '../../src/tools/import/types.ts';

export const newCounts = (): ConversionCounts => ({
  templateSyntaxRemoved: [],
  unsafeHtmlRemoved: new Map(),
  includesToFill: [],
  converted: [],
});
