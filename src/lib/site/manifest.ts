import { PNG_ICONS } from '@/lib/site/icons';
import { homePath, publicFilePath } from '@/lib/site/urls';
import { SITE } from '@/site.config';

/**
 * The web manifest (https://www.w3.org/TR/appmanifest/): what a browser needs to install the
 * site on a home screen: its name, icons and colours, and that it opens at the home page and
 * covers every page under the base path. Served as manifest.webmanifest (src/pages/).
 */

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: 'image/png';
  purpose: 'any' | 'maskable';
}

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  /** minimal-ui: a window of its own that keeps back and reload, which a site of links needs. */
  display: 'minimal-ui';
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
}

export function webManifest(): WebManifest {
  return {
    id: homePath(),
    name: `${SITE.title} - ${SITE.slogan}`,
    short_name: SITE.title,
    description: SITE.description,
    lang: SITE.lang,
    dir: 'ltr',
    start_url: homePath(),
    scope: homePath(),
    display: 'minimal-ui',
    theme_color: SITE.colours.theme,
    background_color: SITE.colours.background,
    icons: PNG_ICONS.flatMap((icon) =>
      icon.manifest
        ? [{ src: publicFilePath(icon.file), sizes: `${icon.size}x${icon.size}`, type: 'image/png' as const, purpose: icon.manifest }]
        : [],
    ),
  };
}

/** The manifest as served at manifestPath() (src/lib/site/urls.ts). */
export function manifestJson(): string {
  return `${JSON.stringify(webManifest(), null, 2)}\n`;
}
