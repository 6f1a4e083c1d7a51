/**
 * The widget's stylesheet, inside its shadow root: nothing reaches the host page and the host's
 * CSS reaches nothing inside except inherited font settings and the custom properties below.
 * Light or dark follows the host's `prefers-color-scheme` (or `theme="light|dark"` on the element);
 * the brand colour is site.yaml's, which the host can replace with `--help-center-brand`.
 */
export function getWidgetCss(brandColor: string): string {
  return `
:host{--hc-brand:var(--help-center-brand,${brandColor});--hc-bg:#fff;--hc-surface:#f6f7f9;--hc-text:#1b1f24;--hc-muted:#4d5561;--hc-border:#d5d9e0;--hc-focus:#1d4ed8;
all:initial;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--hc-text);color-scheme:light}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){--hc-bg:#0f1217;--hc-surface:#181c23;--hc-text:#e6e8eb;--hc-muted:#a9b1bc;--hc-border:#333a45;--hc-focus:#93c5fd;color-scheme:dark}}
:host([theme=dark]){--hc-bg:#0f1217;--hc-surface:#181c23;--hc-text:#e6e8eb;--hc-muted:#a9b1bc;--hc-border:#333a45;--hc-focus:#93c5fd;color-scheme:dark}
*{box-sizing:border-box}
:focus-visible{outline:3px solid var(--hc-focus);outline-offset:2px}
.launcher{position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483000;border:0;border-radius:999px;padding:.7rem 1.2rem;font:inherit;font-weight:600;
background:var(--hc-brand);color:#fff;box-shadow:0 4px 14px rgb(0 0 0/.25);cursor:pointer}
.panel{position:fixed;right:1.25rem;bottom:5rem;z-index:2147483001;width:min(24rem,calc(100vw - 2rem));max-height:min(40rem,calc(100vh - 7rem));
display:flex;flex-direction:column;background:var(--hc-bg);color:var(--hc-text);border:1px solid var(--hc-border);border-radius:12px;box-shadow:0 10px 30px rgb(0 0 0/.25);overflow:hidden}
@media (max-width:480px){.panel{inset:0;width:auto;height:100vh;height:100dvh;max-height:none;border:0;border-radius:0}}
.panel[hidden],[hidden]{display:none!important}
.head{display:flex;align-items:center;gap:.5rem;padding:.6rem .8rem;background:var(--hc-brand);color:#fff}
.head h2{flex:1;margin:0;font-size:1rem}
button{font:inherit;cursor:pointer}
.icon{background:transparent;border:0;color:inherit;padding:.2rem .5rem;border-radius:6px;font-size:1.1rem;line-height:1}
.body{overflow:auto;padding:.8rem}
label{display:block;font-size:.9rem;font-weight:600;margin-bottom:.3rem}
input,textarea{width:100%;font:inherit;padding:.5rem .6rem;border:1px solid var(--hc-muted);border-radius:8px;background:var(--hc-bg);color:var(--hc-text)}
ul{list-style:none;margin:.4rem 0;padding:0}
[data-list] li+li{border-top:1px solid var(--hc-border)}
.result{display:block;padding:.5rem .3rem;color:var(--hc-text);text-decoration:none;border-radius:6px}
.result:hover,.result:focus-visible{background:var(--hc-surface)}
.title{display:block;color:var(--hc-link,var(--hc-text));font-weight:600;text-decoration:underline}
.meta,.status,.muted{font-size:.85rem;color:var(--hc-muted)}
.excerpt{display:block;font-size:.9rem}
mark{background:#fff3a3;color:#1b1f24}
h3{font-size:.95rem;margin:.8rem 0 .2rem}
a{color:inherit}
.article h1{font-size:1.2rem;margin:.2rem 0 .6rem}
.article h2{font-size:1.05rem;margin:1rem 0 .3rem}.article :is(h3,h4,h5,h6){font-size:.95rem;margin:.8rem 0 .2rem}
.article img{max-width:100%;height:auto}
.article table{border-collapse:collapse;font-size:.85rem}.article td,.article th{border:1px solid var(--hc-border);padding:.2rem .4rem}
.article pre{overflow:auto;background:var(--hc-surface);padding:.5rem}
.article .table-scroll{overflow-x:auto;margin:.6rem 0}
.callout{border-left:4px solid var(--hc-brand);background:var(--hc-surface);padding:.3rem .6rem;margin:.6rem 0}
.article .tab-panel+.tab-panel{border-top:1px solid var(--hc-border);margin-top:.6rem;padding-top:.4rem}.article .tab-label{margin:.2rem 0}
.article dt{font-weight:600}.article dd{margin:0 0 .4rem 1rem}.article summary{cursor:pointer}
.vote,.answer-card-vote{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.8rem 0 .2rem;font-size:.92rem}
.vote button,.answer-card-vote button,.back,.reasons button{border:1px solid var(--hc-muted);background:var(--hc-bg);color:var(--hc-text);border-radius:8px;padding:.25rem .8rem}
.reasons fieldset{border:0;margin:.4rem 0;padding:0}.reasons legend{font-weight:600;font-size:.92rem;margin-bottom:.2rem}
.reason{font-weight:400;display:flex;gap:.4rem;align-items:center;margin:.1rem 0}.reason input{width:auto}
textarea{padding:.4rem .6rem}
.answer-card{border:1px solid var(--hc-border);border-left:4px solid var(--hc-brand);border-radius:8px;background:var(--hc-surface);padding:.5rem .7rem;margin:.6rem 0}
.answer-card-label{margin:0;font-size:.75rem;font-weight:700;text-transform:uppercase;color:var(--hc-muted)}
.answer-card-title{font-size:1rem;margin:.2rem 0}
.answer-card-text{margin:.2rem 0 .4rem}
.answer-card .status:empty{display:none}
.contact{margin-top:1rem;border-top:1px solid var(--hc-border);padding-top:.4rem}
.contact a{display:block;padding:.25rem 0}
`;
}
