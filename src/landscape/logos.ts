// Logo files: present in the logos folder, and SVGs safe to inline in a web page — no scripts,
// no event handlers, no references outside the document (the site must not fetch or run anything
// a logo names), no entity declarations. Raster logos are reported: landscape2 and the process
// expect SVG.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LogoFinding {
  severity: 'error' | 'warning';
  message: string;
}

/** The extensions landscape2's schema accepts for `logo`. */
export const LOGO_NAME = /^.*\.(svg|gif|jpe?g|tiff?|png|webp|bmp)$/i;

const MAX_SVG_BYTES = 2 * 1024 * 1024;

/** Checks the logo file `name` in `dir` (a folder known to exist). */
export function inspectLogoFile(dir: string, name: string): LogoFinding[] {
  const path = join(dir, name);
  if (!/\.svg$/i.test(name)) {
    if (!existsSync(path)) return [{ severity: 'error', message: `logo file ${name} not found in ${dir}` }];
    const kind = (name.split('.').pop() ?? '').toUpperCase();
    return [{ severity: 'warning', message: `logo ${name} is ${kind}, not SVG: landscape2 and the onboarding checklist expect an SVG` }];
  }
  // one read, no stat first: a folder of 10 000 logos is checked in a blink
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [{ severity: 'error', message: `logo file ${name} not found in ${dir}` }];
    return [{ severity: 'error', message: `logo ${name} in ${dir} cannot be read (${code ?? (e as Error).message})` }];
  }
  if (data.length > MAX_SVG_BYTES) return [{ severity: 'error', message: `logo ${name} is ${data.length} bytes; an SVG logo over ${MAX_SVG_BYTES} bytes is not checked or served` }];
  return inspectSvg(data.toString('utf8')).map((f) => ({ ...f, message: `logo ${name}: ${f.message}` }));
}

const TAG = /<([A-Za-z_][\w:.-]*)([^>]*)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/** Findings for SVG text: each unsafe construct once, in order of appearance. */
export function inspectSvg(text: string): LogoFinding[] {
  const out: LogoFinding[] = [];
  const seen = new Set<string>();
  const add = (message: string) => {
    if (!seen.has(message)) out.push({ severity: 'error', message }), seen.add(message);
  };
  // comments and CDATA can't run anything, but a <script> inside CDATA text would still be odd; strip comments only
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  if (!/<([\w-]+:)?svg[\s/>]/i.test(body)) add('not an SVG document (no <svg> element)');
  if (/<!ENTITY/i.test(body)) add('declares XML entities (<!ENTITY>), which can expand without bound');
  for (const m of body.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
    if (local === 'script') add('contains a <script> element');
    if (local === 'foreignobject') add('contains a <foreignObject> element (embeds HTML)');
    for (const a of m[2]!.matchAll(ATTR)) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').trim();
      if (/^on/.test(name)) add(`has an event attribute ${a[1]}`);
      else if (name === 'href' || name.endsWith(':href') || name === 'src') {
        if (!value.startsWith('#')) add(`references ${value.slice(0, 60) || '(empty)'} in ${a[1]} (only #fragment references are allowed)`);
      } else if (/javascript:/i.test(value)) add(`has javascript: in attribute ${a[1]}`);
      else if (name === 'style') styleProblems(value, add);
    }
  }
  for (const m of body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) styleProblems(m[1]!, add);
  return out;
}

function styleProblems(css: string, add: (m: string) => void): void {
  if (/@import/i.test(css)) add('imports a stylesheet (@import)');
  for (const u of css.matchAll(/url\(\s*['"]?([^'")]*)/gi)) {
    if (!u[1]!.trim().startsWith('#')) add(`references ${u[1]!.slice(0, 60)} in a style url() (only #fragment references are allowed)`);
  }
}
