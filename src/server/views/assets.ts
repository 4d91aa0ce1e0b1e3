// The one stylesheet and the one small script, served with a content hash as ETag and cached a
// year under a versioned URL. The script only adds: every page works without it.
import { createHash } from 'node:crypto';

export const CSS = `
:root{--fg:#1d1d1f;--muted:#55575d;--bg:#fff;--line:#d5d7dc;--accent:#b3300b;--accent-bg:#fff3ee;--ok:#146c2e;--bad:#a4161a;--warn:#7a5200;--focus:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:#0b4fb3}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:2}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid var(--line);background:#fafafa}
.brand{font-weight:700;color:var(--accent);text-decoration:none}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
nav a[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
.account{margin-left:auto}
main{max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
footer{max-width:72rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.9rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.muted{color:var(--muted)}
.inline{display:inline}
button,.button{font:inherit;padding:.35rem .8rem;border:1px solid #8a8d93;border-radius:4px;background:#f4f4f5;color:var(--fg);cursor:pointer;text-decoration:none;display:inline-block}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
button.link{border:none;background:none;color:#0b4fb3;text-decoration:underline;padding:0}
input,select,textarea{font:inherit;padding:.35rem;border:1px solid #8a8d93;border-radius:4px;max-width:100%}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
form.stack > *{margin-bottom:.5rem}
form.stack input:not([type=radio]):not([type=checkbox]):not([type=hidden]),form.stack textarea{width:100%;max-width:40rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
.filters label{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;background:#f6f6f7}
.table-wrap{overflow-x:auto;background:linear-gradient(to right,#fff 30%,#fff0) left/2rem 100% no-repeat local,linear-gradient(to left,#fff 30%,#fff0) right/2rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,#0003,#0000) left/.75rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/.75rem 100% no-repeat scroll}
.table-wrap:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.table-wrap th,.table-wrap td:first-child{white-space:nowrap}
form.revoke{margin-top:.4rem}
form.revoke label{font-weight:400;font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;list-style:none;padding:0;margin:0}
.card{border:1px solid var(--line);border-radius:6px;padding:.75rem;display:flex;gap:.75rem;align-items:flex-start}
.card img{width:48px;height:48px;object-fit:contain;flex:none}
.logo-none{width:48px;height:48px;flex:none;display:flex;align-items:center;justify-content:center;border:1px dashed var(--line);border-radius:6px;color:var(--muted);font-weight:700}
.card h3{margin:0 0 .2rem}
.tag{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85rem;border:1px solid currentColor;white-space:nowrap}
.tag-active,.tag-pass,.tag-accepted,.tag-completed,.tag-in-force{color:var(--ok)}
.tag-exempt,.tag-expired,.tag-revoked,.tag-waiver-revoked{color:var(--muted)}
.tag-joined,.tag-review-passed,.tag-amendment-adopted{color:var(--ok)}
.tag-review-failed,.tag-amendment-rejected{color:var(--bad)}
.tag-retired,.tag-fail,.tag-declined,.tag-dead,.tag-failed{color:var(--bad)}
.tag-review,.tag-warn,.tag-unknown,.tag-waiting-on-comment,.tag-too-early,.tag-queued,.tag-active-job{color:var(--warn)}
.problem{border-left:4px solid var(--bad);background:#fdf0f0;padding:.5rem .75rem}
.notice{border-left:4px solid var(--ok);background:#eef8f0;padding:.5rem .75rem}
.tally{display:flex;flex-wrap:wrap;gap:1rem;font-size:1.1rem}
.tally strong{font-size:1.4rem}
.bar{position:relative;height:1.25rem;background:#eceef1;border-radius:3px;margin:.5rem 0 1.5rem;max-width:40rem}
.bar span{position:absolute;left:0;top:0;bottom:0;background:var(--ok);border-radius:3px}
.bar i{position:absolute;top:-.25rem;bottom:-.25rem;border-left:2px dashed var(--fg)}
.bar b{position:absolute;top:1.3rem;font-size:.8rem;font-weight:400;transform:translateX(-50%);white-space:nowrap}
.chart{max-width:100%;height:auto}
figure{margin:1rem 0}
.inbox{list-style:none;padding:0}
.inbox li{margin:.5rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
details{margin:.25rem 0}
code{font-size:.9em;background:#f4f4f5;padding:0 .2rem;border-radius:3px;word-break:break-word}
@media (max-width:40rem){header{padding:.5rem}.account{margin-left:0;width:100%}th,td{padding:.3rem}dl.facts{grid-template-columns:1fr}h1{font-size:1.35rem}
/* the report's rows stack: number, requirement and status on a line, what was found below */
table.report thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.report tr{display:grid;grid-template-columns:1.75rem 1fr auto;gap:0 .25rem;border-bottom:1px solid var(--line);padding:.35rem 0}
table.report td,table.report th{display:block;border:none;padding:0;background:none}
table.report td:last-child{grid-column:1/-1;margin-top:.2rem}
table.report .evidence{padding-left:1.2rem;overflow-wrap:anywhere}
/* long-text tables: each row a block of heading and value */
table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stacked tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
table.stacked td{display:grid;grid-template-columns:7.5rem 1fr;gap:.5rem;border:none;padding:.1rem 0}
table.stacked td::before{content:attr(data-label);font-weight:600}}
`;

export const JS = `
(function(){
  // the vote panel's tally follows ballots cast elsewhere (the CLI, the GitHub App, other members)
  var panel=document.querySelector('[data-tally-url]');
  if(panel){
    var url=panel.getAttribute('data-tally-url');
    var tick=function(){fetch(url,{headers:{accept:'application/json'},credentials:'same-origin'}).then(function(r){return r.ok?r.json():null}).then(function(t){
      if(!t)return;
      ['approvals','rejections','abstentions','notVoted','needed','rosterSize'].forEach(function(k){var el=panel.querySelector('[data-k='+k+']');if(el&&t[k]!==undefined)el.textContent=String(t[k]);});
      var bar=panel.querySelector('.bar span');if(bar&&t.rosterSize)bar.style.width=(100*t.approvals/t.rosterSize)+'%';
      var nv=panel.querySelector('[data-k=pending]');if(nv&&t.pending)nv.textContent=t.pending.length?t.pending.join(', '):'everyone has voted';
    }).catch(function(){});};
    setInterval(tick,4000);
  }
  // a queued self-check reloads itself when the report is ready
  var wait=document.querySelector('[data-wait-url]');
  if(wait){
    var u=wait.getAttribute('data-wait-url');
    var poll=function(){fetch(u,{headers:{accept:'application/json'}}).then(function(r){return r.json()}).then(function(j){if(j.state==='completed'||j.state==='dead')location.reload();else setTimeout(poll,1500);}).catch(function(){setTimeout(poll,3000)});};
    setTimeout(poll,1000);
  }
})();
`;

const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 16);
export const ASSET_VERSION = hash(CSS + JS);
export const ASSETS: Record<string, { body: string; type: string; etag: string }> = {
  'steward.css': { body: CSS, type: 'text/css; charset=utf-8', etag: `"${hash(CSS)}"` },
  'steward.js': { body: JS, type: 'text/javascript; charset=utf-8', etag: `"${hash(JS)}"` },
};
