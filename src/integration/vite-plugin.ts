/**
 * The Vite plugin the integration adds: it hands the resolved configuration to Astro's module
 * graph (`virtual:helpdesk-kit/config`), resolves each replaceable component to the project's
 * file or to ours (`virtual:helpdesk-kit/components/<Name>`), and loads the project's own
 * stylesheets after ours (`virtual:helpdesk-kit/user-css`), and is the door to the running
 * command's build session (`virtual:helpdesk-kit/build-session`, build-session-door.ts).
 * Starlight's virtual modules, smaller.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { HelpCenterRuntimeConfig } from '../site/config.ts';
import { COMPONENT_MODULE_PREFIX, COMPONENT_NAMES, type ComponentName } from './components.ts';

const CONFIG_MODULE = 'virtual:helpdesk-kit/config';
const USER_CSS_MODULE = 'virtual:helpdesk-kit/user-css';
const BUILD_SESSION_MODULE = 'virtual:helpdesk-kit/build-session';
const resolved = (id: string) => `\0${id}`;

export interface VitePluginInput {
  config: HelpCenterRuntimeConfig;
  /** Absolute paths of the project's replacements, by component name. */
  components: Partial<Record<ComponentName, string>>;
  /** Absolute paths of the project's stylesheets, in order. */
  customCss: string[];
  /** Our components' folder (absolute). */
  componentsDir: string;
  /** Our build-session-door module (absolute). */
  buildSessionDoor: string;
}

export function createHelpCenterVitePlugin({
  config,
  components,
  customCss,
  componentsDir,
  buildSessionDoor,
}: VitePluginInput): Plugin {
  const names = new Set<string>(COMPONENT_NAMES);
  return {
    name: 'helpdesk-kit',
    resolveId(id) {
      if (id === CONFIG_MODULE || id === USER_CSS_MODULE) return resolved(id);
      if (id === BUILD_SESSION_MODULE) return buildSessionDoor;
      if (!id.startsWith(COMPONENT_MODULE_PREFIX)) return undefined;
      const name = id.slice(COMPONENT_MODULE_PREFIX.length);
      if (!names.has(name)) return undefined;
      return components[name as ComponentName] ?? path.join(componentsDir, `${name}.astro`);
    },
    load(id) {
      if (id === resolved(CONFIG_MODULE)) return `export default ${JSON.stringify(config)};`;
      if (id === resolved(USER_CSS_MODULE))
        return customCss.map((file) => `import ${JSON.stringify(file)};`).join('\n');
      return undefined;
    },
  };
}
