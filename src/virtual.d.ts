/** Modules the integration's Vite plugin provides (src/integration/vite-plugin.ts). */
declare module 'virtual:helpdesk-kit/config' {
  const config: import('./site/config.ts').HelpCenterRuntimeConfig;
  export default config;
}

declare module 'virtual:helpdesk-kit/user-css' {}

/** The running `astro build` or `astro dev`'s session: integration/build-session-door.ts. */
declare module 'virtual:helpdesk-kit/build-session' {
  export const getBuildSession: () => import('./build/build-session.ts').BuildSession | undefined;
}

declare module 'virtual:helpdesk-kit/components/*' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Component: (props: any) => any;
  export default Component;
}

declare namespace App {
  interface Locals {
    /** The page's language, worked out once per page (src/integration/route-middleware.ts). */
    helpCenterPage: import('./site/page-locale.ts').PageLocale;
  }
}
