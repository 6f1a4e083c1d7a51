// Types of scaffold.mjs for the package's TypeScript (`helpdesk-kit init` imports it).
export declare const STARTER_DIR: string;
export declare const SECRET_FILE: string;
export declare const DOCS_DIR: string;

export interface KitInfo {
  /** helpdesk-kit's version: the site depends on `^version`. */
  version: string;
  /** The Astro range the starter is tested with (helpdesk-kit's peer range). */
  astroRange: string;
  /** The Node range helpdesk-kit supports. */
  nodeRange: string;
}

export interface ScaffoldOptions {
  /** The folder to create. It must not exist or be empty. */
  target: string;
  kit: KitInfo;
  /** Where the template is; default starter/ beside scaffold.mjs. */
  templateDir?: string;
}

export type ScaffoldResult =
  | {
      ok: true;
      name: string;
      /** Every file written, relative to the site, sorted. */
      files: string[];
      /** The file holding the new FEEDBACK_SECRET (git-ignored), relative to the site. */
      secretFile: string;
    }
  | { ok: false; message: string };

export declare function getKitInfo(pkg: unknown): KitInfo;
export declare function createFeedbackSecret(): string;
export declare function getSecretFileText(secret?: string): string;
export declare function getPackageName(folder: string): string;
/** The site's name from its package name: "acme" -> "Acme Help Center", "my-help" -> "My Help". */
export declare function getSiteTitle(name: string): string;
export declare function scaffoldSite(options: ScaffoldOptions): ScaffoldResult;
export declare function formatNextSteps(
  result: { name: string; files: string[]; secretFile: string },
  shown: string,
): string;
