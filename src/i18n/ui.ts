/**
 * The engine's interface strings, one dictionary per language (keyed by the language
 * tag's first subtag: "en", "zh"). Story text is never here: it comes from the story's
 * files and their translations. To add a language, add a dictionary with every key
 * (the type makes a missing one a compile error) and a formatter in format.ts.
 */
export interface UiStrings {
  chapters: string;
  chapterN: (n: number, title: string) => string;
  previous: string;
  next: string;
  /** Visually hidden after "Previous"/"Next". */
  chapterSuffix: string;
  reduceMotion: string;
  skipToStory: string;
  whosWho: string;
  corrections: string;
  methods: string;
  sources: string;
  sourcesLabel: string;
  sourceLabel: string;
  onTheMap: string;
  figuresTitle: string;
  figuresCaption: string;
  figureColumns: [figure: string, value: string, unit: string, period: string, reportedBy: string];
  byChapter: (layerTitle: string) => string;
  noRecord: string;
  status: { open: string; closed: string; restricted: string };
  creditsTitle: string;
  creditsBoundaries: string;
  howTheMapWasDrawn: string;
  /** The boundaries paragraph, split around the link to the methods note. */
  creditsBoundariesAfter: string;
  approximateNote: (note: string) => string;
  basemapCredit: string;
  fontsCredit: (fonts: string) => string;
  catalogLink: string;
  catalogLinkAfter: string;
  mapData: string;
  fullStory: string;
  readChapter: string;
  fromTheStory: (title: string) => string;
  /** Legend notes and map labels the runtime writes. */
  map: MapStrings;
  embedCode: EmbedCodeStrings;
  catalog: CatalogStrings;
  languageList: (names: string[]) => string;
  /** A note in brackets after a name: " (closed)" / "（关闭）". */
  bracket: (text: string) => string;
}

/** Strings the browser writes (legend notes, map labels, the map's accessible name), shipped in the page's story data. */
export interface MapStrings {
  approximate: string;
  unavailable: string;
  hollowClosed: string;
  greyRestricted: string;
  closedLabel: string;
  restrictedLabel: string;
  closedStatic: string;
  restrictedStatic: string;
  schematic: string;
  atLeast: string;
  mapTitle: string;
  copied: string;
  copyFailed: string;
  copy: string;
}

export interface EmbedCodeStrings {
  title: (story: string) => string;
  description: string;
  back: string;
  heading: string;
  /** Text between backticks in the embed-code strings is printed as code. */
  intro: string;
  anySite: string;
  someSites: (list: string) => string;
  storyTitle: string;
  storyText: string;
  storyCopy: string;
  pinnedTitle: string;
  pinnedText: string;
  openAt: string;
  pinnedCopy: string;
  pymTitle: string;
  /** HTML-free paragraph, split around the pym.js link. */
  pymBefore: string;
  pymAfter: string;
  pymCopy: string;
  cardsTitle: string;
  cardsText: string;
  cardCopy: (chapter: string) => string;
  sandboxTitle: string;
  sandbox1: string;
  sandbox2: string;
  previewTitle: string;
  show: string;
  wholeStory: string;
  openingAt: (chapter: string) => string;
  mapCard: (chapter: string) => string;
  frameTitle: (story: string, chapter?: string) => string;
}

export interface CatalogStrings {
  title: (story: string) => string;
  description: string;
  heading: string;
}

const en: UiStrings = {
  chapters: 'Chapters',
  chapterN: (n, title) => `Chapter ${n}: ${title}`,
  previous: 'Previous',
  next: 'Next',
  chapterSuffix: ' chapter',
  reduceMotion: 'Reduce motion',
  skipToStory: 'Skip to the story',
  whosWho: 'Who’s who',
  corrections: 'Corrections',
  methods: 'How the map was drawn',
  sources: 'Sources',
  sourcesLabel: 'Sources:',
  sourceLabel: 'Source:',
  onTheMap: 'On the map',
  figuresTitle: 'The figures in this story',
  figuresCaption: 'Every figure the story prints, with who reported it',
  figureColumns: ['Figure', 'Value', 'Unit', 'Period', 'Reported by'],
  byChapter: (title) => `${title}, chapter by chapter`,
  noRecord: 'No record',
  status: { open: 'Open', closed: 'Closed', restricted: 'Reopened with restrictions' },
  creditsTitle: 'Map data and credits',
  creditsBoundaries:
    'Boundaries come from Natural Earth, which draws de facto boundaries (for example, Arunachal Pradesh inside India). Rivers and routes are schematic: drawn through named places, not surveyed (see ',
  howTheMapWasDrawn: 'how the map was drawn',
  creditsBoundariesAfter:
    '). Places marked approximate were placed by reasoning, not looked up; the map draws them as rings or dashed outlines. Distances and areas are computed from these files with Turf.',
  approximateNote: (note) => ` (approximate: ${note})`,
  basemapCredit: 'Basemap: Natural Earth (public domain); town names from GeoNames (CC BY 4.0).',
  fontsCredit: (fonts) =>
    `Fonts: ${fonts} (SIL Open Font License), each cut to the characters this site prints. Map: MapLibre GL JS (BSD-3-Clause).`,
  catalogLink: 'Layer catalog',
  catalogLinkAfter: ': every map layer with its source, licence, extent, attributes and a GeoJSON download.',
  mapData: 'Map data:',
  fullStory: 'Full story, sources and method',
  readChapter: 'Read this chapter in the full story',
  fromTheStory: (title) => `From the map story “${title}”, `,
  languageList: (names) => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names),
  bracket: (text) => ` (${text})`,
  map: {
    approximate: '(approximate)',
    unavailable: '(unavailable: the data did not load)',
    hollowClosed: '· hollow = closed',
    greyRestricted: '· grey = reopened with restrictions',
    closedLabel: 'CLOSED',
    restrictedLabel: 'RESTRICTED',
    closedStatic: 'closed',
    restrictedStatic: 'reopened, restricted',
    schematic: ' (schematic)',
    atLeast: 'at least ',
    mapTitle: 'Map of the story; its description is announced at each chapter change',
    copied: 'Copied',
    copyFailed: 'Select the code and copy it',
    copy: 'Copy',
  },
  embedCode: {
    title: (story) => `Embed “${story}”`,
    description: 'Embed code for the map story, the whole story or one chapter as a map card.',
    back: '← Back to the story',
    heading: 'Embed this story',
    intro:
      'Paste a snippet into your page’s HTML. The frames are responsive and take the height of their content; keep the `<script>` line once per page (it sizes the frames and, for the whole story, lets your page scroll it). Links in the story open in a new tab.',
    anySite: 'Any site may embed it.',
    someSites: (list) => `Sites allowed to embed it: ${list}.`,
    storyTitle: 'The whole story',
    storyText: 'Scrolls with your article: the map stays in view and the chapters advance as your readers scroll.',
    storyCopy: ' the whole-story snippet',
    pinnedTitle: 'The story, opening at one chapter',
    pinnedText: 'A frame of fixed height that scrolls inside, with previous and next buttons; it needs no script.',
    openAt: 'Open at',
    pinnedCopy: ' the snippet that opens at this chapter',
    pymTitle: 'The whole story, with pym.js',
    pymBefore: 'For pages that embed interactives with ',
    pymAfter:
      ', as many newsroom systems do: pym builds the frame, sizes it to the story and follows your page’s width; `data-pym-trackscroll` lets your page scroll the story with its map in view, as with our script. If your page already loads pym.js, leave out the `<script>` line. A chapter card works the same way: put its address in `data-pym-src`.',
    pymCopy: ' the pym.js snippet',
    cardsTitle: 'One chapter as a map card',
    cardsText: 'The chapter’s map with its legend, caption and sources; nothing to scroll.',
    cardCopy: (chapter) => ` the card snippet for ${chapter}`,
    sandboxTitle: 'What the sandbox does and does not do',
    sandbox1:
      'The snippets’ `sandbox` lets the story run scripts and keep its own origin (`allow-scripts allow-same-origin`, without which it cannot load its map or talk to your page) and open its links in new tabs. It still stops the frame from navigating your page, submitting forms, opening dialogs and starting downloads.',
    sandbox2:
      'It is not what keeps the story away from your page. The frame comes from another site, so the browser’s same-origin rule already keeps it out of your page’s content, cookies and storage, sandbox or not. If you host a copy of the story on your own site, at the same origin as your pages, `allow-scripts` together with `allow-same-origin` lets the framed page reach into your page and lift its own sandbox: the attribute then protects nothing. Serve such a copy from a separate origin (another subdomain) to keep the isolation.',
    previewTitle: 'Preview',
    show: 'Show',
    wholeStory: 'The whole story',
    openingAt: (chapter) => `The story, opening at: ${chapter}`,
    mapCard: (chapter) => `Map card: ${chapter}`,
    frameTitle: (story, chapter) => (chapter ? `Map: ${chapter} (from the story “${story}”)` : `Map story: ${story}`),
  },
  catalog: {
    title: (story) => `Layer catalog · ${story}`,
    description: 'Every map layer of the story, with its source, licence, extent, a sample of its attributes and a download.',
    heading: 'Layer catalog',
  },
};

const zh: UiStrings = {
  chapters: '章节',
  chapterN: (n, title) => `第 ${n} 章：${title}`,
  previous: '上一章',
  next: '下一章',
  chapterSuffix: '',
  reduceMotion: '减少动画',
  skipToStory: '跳到正文',
  whosWho: '各方简介',
  corrections: '更正',
  methods: '地图绘制方法',
  sources: '资料来源',
  sourcesLabel: '资料来源：',
  sourceLabel: '资料来源：',
  onTheMap: '图例',
  figuresTitle: '本文引用的数字',
  figuresCaption: '本文引用的每个数字及其出处',
  figureColumns: ['数字', '数值', '单位', '时期', '发布方'],
  byChapter: (title) => `${title}：逐章状态`,
  noRecord: '无记录',
  status: { open: '开放', closed: '关闭', restricted: '限制性重开' },
  creditsTitle: '地图数据与致谢',
  creditsBoundaries:
    '边界取自 Natural Earth，按实际控制线绘制（例如阿鲁纳恰尔邦画在印度境内）。河流与路线为示意：经由有名称的地点连线绘制，并非实测（见',
  howTheMapWasDrawn: '地图绘制方法',
  creditsBoundariesAfter:
    '）。标为“大致位置”的地点是推断所得，并非查证所得，地图以圆环或虚线轮廓表示。距离和面积由 Turf 根据这些文件计算。',
  approximateNote: (note) => `（大致位置：${note}）`,
  basemapCredit: '底图：Natural Earth（公有领域）；城镇名称来自 GeoNames（CC BY 4.0），中文地名见各条目出处。',
  fontsCredit: (fonts) => `字体：${fonts}（SIL 开源字体许可证），均按本站用到的字符裁剪。地图引擎：MapLibre GL JS（BSD-3-Clause）。`,
  catalogLink: '图层目录',
  catalogLinkAfter: '：每个地图图层的来源、许可、范围、属性及 GeoJSON 下载。',
  mapData: '地图数据：',
  fullStory: '全文、资料来源与方法',
  readChapter: '在全文中阅读本章',
  fromTheStory: (title) => `摘自地图报道《${title}》，`,
  languageList: (names) => names.join('、'),
  bracket: (text) => `（${text}）`,
  map: {
    approximate: '（大致位置）',
    unavailable: '（不可用：数据未能加载）',
    hollowClosed: '· 空心 = 关闭',
    greyRestricted: '· 灰色 = 限制性重开',
    closedLabel: '关闭',
    restrictedLabel: '限制',
    closedStatic: '关闭',
    restrictedStatic: '限制性重开',
    schematic: '（示意）',
    atLeast: '至少 ',
    mapTitle: '报道地图；每次切换章节时会朗读地图说明',
    copied: '已复制',
    copyFailed: '请选中代码后复制',
    copy: '复制',
  },
  embedCode: {
    title: (story) => `嵌入《${story}》`,
    description: '地图报道的嵌入代码：整篇报道，或以地图卡片形式嵌入单个章节。',
    back: '← 返回报道',
    heading: '嵌入本报道',
    intro:
      '把代码片段粘贴到网页的 HTML 中。框架自适应宽度，并随内容调整高度；每个页面保留一行 `<script>`（它负责调整框架大小，嵌入整篇报道时还让您的页面带动报道滚动）。报道中的链接在新标签页中打开。',
    anySite: '任何网站均可嵌入。',
    someSites: (list) => `允许嵌入的网站：${list}。`,
    storyTitle: '整篇报道',
    storyText: '随文章一起滚动：地图保持在视野中，读者滚动时章节随之推进。',
    storyCopy: '整篇报道的代码',
    pinnedTitle: '从某一章开始的报道',
    pinnedText: '固定高度、在框内滚动的框架，带有上一章和下一章按钮；不需要脚本。',
    openAt: '起始章节',
    pinnedCopy: '从此章开始的代码',
    pymTitle: '整篇报道（使用 pym.js）',
    pymBefore: '适用于用 ',
    pymAfter:
      ' 嵌入互动内容的页面（许多新闻编辑系统如此）：pym 生成框架，按报道调整高度并跟随页面宽度；`data-pym-trackscroll` 让您的页面带动报道滚动、地图保持在视野中，与我们的脚本效果相同。如果页面已加载 pym.js，可省去 `<script>` 一行。章节卡片用法相同：把它的地址写入 `data-pym-src`。',
    pymCopy: 'pym.js 代码',
    cardsTitle: '单个章节的地图卡片',
    cardsText: '该章的地图及其图例、说明和资料来源；无需滚动。',
    cardCopy: (chapter) => `“${chapter}”的卡片代码`,
    sandboxTitle: 'sandbox 属性能做什么、不能做什么',
    sandbox1:
      '代码中的 `sandbox` 允许报道运行脚本并保留自己的源（`allow-scripts allow-same-origin`，否则无法加载地图或与您的页面通信），并在新标签页中打开链接。它仍然禁止框架导航您的页面、提交表单、打开对话框和开始下载。',
    sandbox2:
      '把报道与您的页面隔开的并不是它。框架来自另一个网站，浏览器的同源策略本身就使它无法接触您页面的内容、Cookie 和存储，无论有无 sandbox。如果您在自己的网站上、以与页面相同的源托管报道副本，`allow-scripts` 加上 `allow-same-origin` 会让框架内的页面进入您的页面并解除自身的 sandbox：这个属性就不再起任何保护作用。请从单独的源（另一个子域名）提供这样的副本，以保持隔离。',
    previewTitle: '预览',
    show: '显示',
    wholeStory: '整篇报道',
    openingAt: (chapter) => `从此章开始的报道：${chapter}`,
    mapCard: (chapter) => `地图卡片：${chapter}`,
    frameTitle: (story, chapter) => (chapter ? `地图：${chapter}（摘自报道《${story}》）` : `地图报道：${story}`),
  },
  catalog: {
    title: (story) => `图层目录 · ${story}`,
    description: '报道的每个地图图层，附来源、许可、范围、属性样例和下载。',
    heading: '图层目录',
  },
};

const dictionaries: Readonly<Record<string, UiStrings>> = { en, zh };

/** The interface strings for a language tag ("zh-Hans" reads the "zh" dictionary); a language with none fails the build by name. */
export function uiStrings(lang: string): UiStrings {
  const dictionary = dictionaries[lang.split('-')[0]!.toLowerCase()];
  if (!dictionary)
    throw new Error(
      `no interface strings for language "${lang}" (src/content/story.config.json editions); add a dictionary to src/i18n/ui.ts`,
    );
  return dictionary;
}
