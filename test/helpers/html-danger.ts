/**
 * Checks for HTML that could run, frame, submit or load something: what the sanitiser's tests
 * and the import tests assert is absent after sanitising (lib/sanitize-html.ts).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { getUrlScheme } from '../../src/lib/sanitize-html.ts';

export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'title',
]);

const URL_PROPERTIES = ['href', 'src', 'xLinkHref', 'data', 'action', 'poster', 'cite'];

/** What in an HTML fragment is dangerous, as `<tag>` or `tag.attribute=value`; empty when nothing is. */
export function findDanger(html: string, { allowFormControls = false } = {}): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (el: Element) => {
    // A GFM task list's disabled checkbox is the one input the site's own Markdown renders.
    const taskBox = el.tagName === 'input' && el.properties.type === 'checkbox' && el.properties.disabled === true;
    if (FORBIDDEN_ELEMENTS.has(el.tagName) && !(allowFormControls && taskBox)) found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name) || name === 'srcDoc' || name === 'formAction' || name === 'ping')
        found.push(`${el.tagName}.${name}=${text}`);
      if (URL_PROPERTIES.includes(name)) {
        const scheme = getUrlScheme(text);
        if (scheme !== undefined && !['http', 'https', 'mailto', 'tel'].includes(scheme))
          found.push(`${el.tagName}.${name}=${text}`);
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|\\/i.test(text)) found.push(`${el.tagName}.style=${text}`);
      if (name === 'tabIndex' && Number(value) > 0) found.push(`${el.tagName}.tabindex=${text}`);
    }
  });
  return found;
}

/** Everything that could run, frame, submit, navigate the page or load something in it. */
export const HOSTILE_HTML = [
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
  '<a href="java&#x09;script:alert(1)">tab entity</a>',
  '<a href="  java\tscript:alert(1)">tab</a>',
  '<a href="java\nscript:alert(1)">newline</a>',
  '<a href=javascript:alert(1)>unquoted</a>',
  "<a href='JaVaScRiPt:alert(1)'>case</a>",
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<a href="\u0001javascript:alert(1)">control</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="svg data">',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)" alt="x">',
  '<IMG SRC=x ONERROR=alert(1)>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p style="background:url(javascript:alert(1))">url</p>',
  '<span style="background-image: u\\72l(x)">escaped url</span>',
  '<span style="width: expression(alert(1))">expression</span>',
  '<pre style="color:red;background:URL(https://evil.example/x.png)">x</pre>',
  '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
  '<button formaction="javascript:alert(1)">b</button>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<select><option><img src=x onerror=alert(1)></select>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<script>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<style>*{background:url(https://evil.example/)}</style>',
  '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  '<div onmouseover="alert(1)" role="button" tabindex="5">d</div>',
  '<template><img src=x onerror=alert(1)></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<a href="https://ok.example/" target="_blank" ping="https://evil.example/">ok</a>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<title><img src=x onerror=alert(1)></title>',
  '<p title="&lt;img src=x onerror=alert(1)&gt;">entity in attribute</p>',
];
