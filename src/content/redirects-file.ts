/**
 * `content/redirects.yaml`: old paths that redirect somewhere other than an article's
 * `redirectFrom`, such as a page that moved to another site or one that only ever redirected.
 *
 *   - from: /old/pricing/
 *     to: https://example.com/pricing
 *   - from: /legacy/start.html
 *     to: /getting-started/create-an-account/
 *
 * Optional: a content folder without the file has no such redirects.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import type { ListedRedirect } from './redirects.ts';
import { schemaIssueDiagnostics, yamlSyntaxDiagnostic } from './yaml-diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError } from './yaml-source.ts';

export const REDIRECTS_FILE = 'redirects.yaml';

const OldPathSchema = z
  .string()
  .regex(/^\/[^\s?#]*$/, 'must be a site path starting with "/", without query or fragment, like "/billing/old-name/"');

export const RedirectsFileSchema = z.array(
  z
    .object({
      /** The old site path. */
      from: OldPathSchema,
      /** A site path of this help center, or a full http(s) URL. */
      to: z.union([
        OldPathSchema,
        z.string().regex(/^https?:\/\/\S+$/, 'must be a site path like "/billing/refunds/" or a full URL'),
      ]),
    })
    .strict(),
);

/** The entries of `<contentDir>/redirects.yaml`, with findings for a malformed file. */
export function loadRedirectsFile(
  contentDir: string,
  root: string,
): { redirects: ListedRedirect[]; diagnostics: Diagnostic[] } {
  const abs = path.join(contentDir, REDIRECTS_FILE);
  if (!existsSync(abs)) return { redirects: [], diagnostics: [] };
  const file = path.relative(root, abs).split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  try {
    const parsed = parseYamlWithPositions(readFileSync(abs, 'utf8'));
    const result = RedirectsFileSchema.safeParse(parsed.value ?? [], { reportInput: true });
    if (!result.success) {
      diagnostics.push(...schemaIssueDiagnostics(result.error.issues, parsed, file, 'redirect-target'));
      return { redirects: [], diagnostics };
    }
    return {
      redirects: result.data.map((r, i) => ({ ...r, file, ...parsed.locate([i, 'from']) })),
      diagnostics,
    };
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    diagnostics.push(yamlSyntaxDiagnostic(err, file));
    return { redirects: [], diagnostics };
  }
}
