// Badges as SVG: "PyTorch Ecosystem · active" for a project and "<verdict> · N failing" for a
// checked repository. Text widths are estimated from character classes (no font metrics on the
// server); the estimate only sizes the box, so a small error just adds padding.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[il.,:;|!'’ ]/.test(ch) ? 3.6 : /[mwMW@]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 7.6 : 6.6;
  return Math.ceil(w + 12);
}

export const BADGE_COLORS = { ok: '#146c2e', bad: '#a4161a', warn: '#7a5200', none: '#55575d' } as const;

export function badgeSvg(label: string, value: string, color: keyof typeof BADGE_COLORS): string {
  const lw = width(label);
  const vw = width(value);
  const total = lw + vw;
  const title = `${label}: ${value}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title>` +
    `<rect width="${lw}" height="20" fill="#3a3a3c"/><rect x="${lw}" width="${vw}" height="20" fill="${BADGE_COLORS[color]}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${lw / 2}" y="14">${esc(label)}</text><text x="${lw + vw / 2}" y="14">${esc(value)}</text></g></svg>`
  );
}
