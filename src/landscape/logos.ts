// Logo files: present in the logos folder, and SVGs that are well-formed XML (a browser shows
// nothing of a malformed one) and safe to inline in a web page — no scripts, no event handlers,
// no references outside the document (the site must not fetch or run anything a logo names), no
// entity declarations. Raster logos are reported: landscape2 and the process expect SVG. Each
// finding in an SVG carries its line in that file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineIndex } from '../util/line-index.js';

export interface LogoFinding {
  severity: 'error' | 'warning';
  message: string;
  /** the line in the logo file, when the finding is about a place in it */
  line?: number;
}

/** The extensions landscape2's schema accepts for `logo`. */
export const LOGO_NAME = /^.*\.(svg|gif|jpe?g|tiff?|png|webp|bmp)$/i;

/** an SVG logo larger than this is not read, checked or served */
export const MAX_SVG_BYTES = 2 * 1024 * 1024;

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
  return inspectLogoData(name, data, dir);
}

/** Checks a logo's bytes (read from a folder, or fetched from a repository); `where` names its place in messages. */
export function inspectLogoData(name: string, data: Buffer, where?: string): LogoFinding[] {
  if (!/\.svg$/i.test(name)) return [];
  if (data.length > MAX_SVG_BYTES)
    return [
      {
        severity: 'error',
        message: `logo ${name}${where ? ` in ${where}` : ''} is ${data.length} bytes; an SVG logo over ${MAX_SVG_BYTES} bytes is not checked or served`,
      },
    ];
  return inspectSvg(data.toString('utf8')).map((f) => ({
    ...f,
    message: `logo ${name}: ${f.message}${f.line ? ` (line ${f.line} of ${name})` : ''}`,
  }));
}

const TAG = /<([A-Za-z_][\w:.-]*)([^>]*)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/** Findings for SVG text: each unsafe construct once, in order of appearance; then whether it is well-formed. */
export function inspectSvg(text: string): LogoFinding[] {
  const out: LogoFinding[] = [];
  const seen = new Set<string>();
  const lines = lineIndex(text);
  const add = (message: string, offset?: number) => {
    if (seen.has(message)) return;
    out.push({ severity: 'error', message, ...(offset !== undefined ? { line: lines.lineOf(offset) } : {}) });
    seen.add(message);
  };
  // comments and CDATA can't run anything, but a <script> inside CDATA text would still be odd;
  // comments are blanked (their lines kept, so offsets still find lines)
  const body = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  if (!/<([\w-]+:)?svg[\s/>]/i.test(body)) add('not an SVG document (no <svg> element)');
  const entity = /<!ENTITY/i.exec(body);
  if (entity) add('declares XML entities (<!ENTITY>), which can expand without bound', entity.index);
  for (const m of body.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
    if (local === 'script') add('contains a <script> element', m.index);
    if (local === 'foreignobject') add('contains a <foreignObject> element (embeds HTML)', m.index);
    for (const a of m[2]!.matchAll(ATTR)) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').trim();
      if (/^on/.test(name)) add(`has an event attribute ${a[1]}`, m.index);
      else if (name === 'href' || name.endsWith(':href') || name === 'src') {
        if (!value.startsWith('#'))
          add(`references ${value.slice(0, 60) || '(empty)'} in ${a[1]} (only #fragment references are allowed)`, m.index);
      } else if (/javascript:/i.test(value)) add(`has javascript: in attribute ${a[1]}`, m.index);
      else if (name === 'style') styleProblems(value, (msg) => add(msg, m.index));
    }
  }
  for (const m of body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) styleProblems(m[1]!, (msg) => add(msg, m.index));
  const bad = xmlProblem(text);
  if (bad) add(`is not well-formed XML: ${bad.message}`, bad.offset);
  return out;
}

const NAME = '[A-Za-z_][\\w:.-]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+[^\\s=/>"'<]+\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ATTR_NAME = /\s([^\s=/>"'<]+)\s*=/g;
/** an & that is not one of XML's five entities or a character reference */
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * The first way `text` is not well-formed XML (what makes a browser show nothing of an SVG):
 * tags left open, closed in the wrong order or never opened, attributes without quoted values or
 * given twice, a stray & or <, text or a second element outside the root. Undefined when it is.
 */
export function xmlProblem(text: string): { message: string; offset: number } | undefined {
  const stack: { name: string; offset: number }[] = [];
  let rootSeen = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skip = (open: string, close: string, what: string): { message: string; offset: number } | number => {
    const end = text.indexOf(close, i + open.length);
    return end < 0 ? { message: `${what} is never closed (no ${close})`, offset: i } : end + close.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk.trim() !== '') {
      if (stack.length === 0)
        return {
          message: rootSeen ? 'text after the root element' : 'text before the root element',
          offset: i + chunk.length - chunk.trimStart().length,
        };
      const amp = BAD_AMP.exec(chunk);
      if (amp) return { message: 'an & that starts no entity or character reference (write &amp;)', offset: i + amp.index };
    }
    if (lt < 0) break;
    i = lt;
    let next: { message: string; offset: number } | number | undefined;
    if (text.startsWith('<!--', i)) next = skip('<!--', '-->', 'a comment');
    else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) return { message: 'CDATA outside the root element', offset: i };
      next = skip('<![CDATA[', ']]>', 'a CDATA section');
    } else if (text.startsWith('<?', i)) next = skip('<?', '?>', 'a processing instruction');
    else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      if (rootSeen || stack.length > 0) return { message: 'a DOCTYPE after the root element began', offset: i };
      const gt = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      if (gt < 0) return { message: 'the DOCTYPE is never closed', offset: i };
      if (bracket >= 0 && bracket < gt) {
        const close = text.indexOf(']', bracket);
        const end = close < 0 ? -1 : text.indexOf('>', close);
        if (end < 0) return { message: 'the DOCTYPE is never closed', offset: i };
        next = end + 1;
      } else next = gt + 1;
    } else if (text[i + 1] === '/') {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(text);
      if (!m) return { message: 'a malformed closing tag', offset: i };
      const top = stack.pop();
      if (!top) return { message: `</${m[1]}> closes no open element`, offset: i };
      if (top.name !== m[1])
        return { message: `</${m[1]}> where </${top.name}> was expected (the <${top.name}> opened before it is not closed)`, offset: i };
      next = i + m[0].length;
    } else {
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(text);
      if (!m) {
        const name = new RegExp(`<${NAME}`, 'y');
        name.lastIndex = i;
        return {
          message: name.test(text)
            ? `the tag is malformed (an attribute without a quoted value, a < inside a value, or no closing >)`
            : 'a < that starts no tag (write &lt;)',
          offset: i,
        };
      }
      if (stack.length === 0 && rootSeen) return { message: `a second root element <${m[1]}>`, offset: i };
      const names = [...` ${m[2]}`.matchAll(ATTR_NAME)].map((a) => a[1]!);
      const twice = names.find((n, k) => names.indexOf(n) !== k);
      if (twice) return { message: `attribute ${twice} is given twice in <${m[1]}>`, offset: i };
      const amp = BAD_AMP.exec(m[2]!);
      if (amp)
        return { message: `an & in an attribute of <${m[1]}> that starts no entity or character reference (write &amp;)`, offset: i };
      rootSeen = true;
      if (!m[3]) stack.push({ name: m[1]!, offset: i });
      next = i + m[0].length;
    }
    if (typeof next !== 'number') return next;
    i = next;
  }
  const open = stack.pop();
  if (open) return { message: `<${open.name}> is never closed`, offset: open.offset };
  if (!rootSeen) return { message: 'no element at all', offset: 0 };
  return undefined;
}

function styleProblems(css: string, add: (m: string) => void): void {
  if (/@import/i.test(css)) add('imports a stylesheet (@import)');
  for (const u of css.matchAll(/url\(\s*['"]?([^'")]*)/gi)) {
    if (!u[1]!.trim().startsWith('#')) add(`references ${u[1]!.slice(0, 60)} in a style url() (only #fragment references are allowed)`);
  }
}
