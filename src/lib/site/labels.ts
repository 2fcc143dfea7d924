/**
 * The words of the interface: every fixed word and phrase the site shows readers, grouped by
 * where it appears. Site identity that editors configure (title, slogan, contact, copyright) is
 * in src/site.config.ts; names of regions, zones, types and sources come from the content.
 *
 * The search page's script (src/pages/search/_client.ts) imports this module, so it ships to the
 * browser: it imports nothing at run time and reads no environment. Each group is its own export
 * because a bundle keeps only the exports its code uses, while an object keeps all its
 * properties: the script carries ARTICLE_META_LABELS, SEARCH_SCRIPT_LABELS and
 * searchResultsStatus, not the words of the other pages.
 */

/** The skip link, the header's navigation and search box, and the breadcrumb. */
export const NAV_LABELS = {
  home: '首页',
  skipToContent: '跳到正文',
  mainNav: '主导航',
  breadcrumb: '当前位置',
  searchBox: '搜索新闻',
  searchPlaceholder: '搜索开发区、企业、政策',
  searchButton: '搜索',
  /** The header's checkbox for the larger-text, higher-contrast mode (适老化). */
  largeText: '大字模式',
} as const;

/** The footer, around the contact details of src/site.config.ts. */
export const FOOTER_LABELS = {
  phone: '电话：',
  fax: '传真：',
  email: '邮箱：',
  feeds: '订阅 RSS',
  /** Titles of the filing links (src/lib/site/filing.ts): the site each one opens. */
  icpSite: '工业和信息化部政务服务平台 ICP/IP 地址/域名信息备案管理系统',
  policeSite: '全国互联网安全管理服务平台',
} as const;

/** What the site calls all news and each way of grouping it: navigation, breadcrumbs, index and feeds pages. */
export const SECTION_LABELS = {
  all: '开发区新闻',
  region: '地区',
  zone: '开发区',
  type: '类型',
  source: '来源',
  year: '年份',
} as const;

/** An article's fields on its page's meta line and in search results, in the order both show them. */
export const ARTICLE_META_LABELS = {
  date: '发布时间',
  source: '来源',
  zone: '发布开发区',
  region: '地区',
} as const;

/** The rest of an article page. 上一条 is the newer article of the zone, 下一条 the older. */
export const ARTICLE_LABELS = {
  /** On the meta line after 发布时间, when the editor gave `updated`; search results do not show it. */
  updated: '更新时间',
  tags: '关键词：',
  newer: '上一条',
  older: '下一条',
  noNeighbour: '没有了',
  neighbours: (zone: string) => `${zone}的上一条和下一条新闻`,
  related: '相关新闻',
} as const;

/** Marks on drafts and scheduled articles, which only preview (npm run dev) shows. */
export const BADGE_LABELS = {
  draft: '草稿',
  scheduled: '定时发布',
} as const;

/** Listing pages, and the article counts of index pages, home blocks and the feeds page. */
export const LISTING_LABELS = {
  allNews: '全部新闻',
  year: (year: string) => `${year} 年`,
  count: (count: number) => `${count} 条`,
  empty: '暂无新闻。',
  /** After the heading and in the title of page 2 on. */
  pageNote: (page: number) => `（第 ${page} 页）`,
  description: (heading: string, count: number) => `${heading}：共 ${count} 条新闻`,
  range: (count: number, first: number, last: number) => `共 ${count} 条，第 ${first}–${last} 条`,
} as const;

/** The page links below a listing. */
export const PAGER_LABELS = {
  nav: '分页',
  previous: '上一页',
  next: '下一页',
  page: (page: number) => `第 ${page} 页`,
  status: (page: number, total: number) => `第 ${page} / ${total} 页`,
} as const;

/** The home page. */
export const HOME_LABELS = {
  latest: '最新新闻',
  allNews: '查看全部新闻',
  regions: '热门地区',
  zones: '热门开发区',
  /** Below a grid of blocks, with the section's name (地区, 开发区). */
  seeAll: (section: string) => `查看全部${section}`,
} as const;

/** The 订阅 page: every feed, and the OPML file. */
/** The feeds themselves and the OPML file, as feed readers show them. */
export const FEED_LABELS = {
  /** The whole site's feed on the 订阅 page. */
  siteFeed: '全站新闻',
  /** A listing feed's <description>. */
  description: (siteTitle: string, listing: string) => `${siteTitle}：${listing}的最新新闻`,
  opmlTitle: (siteTitle: string, feeds: number) => `${siteTitle} - 全部订阅源（${feeds} 个）`,
} as const;

export const FEEDS_PAGE_LABELS = {
  title: '订阅',
  description: (siteTitle: string) => `用 RSS 阅读器订阅${siteTitle}：全站、各地区、各开发区的最新新闻。`,
  intro: (feedSize: number) =>
    `在 RSS 阅读器中添加下面任一“RSS”链接的地址，即可收到该栏目的新闻更新；每个订阅源包含最新 ${feedSize} 条新闻。`,
  siteFeed: '全站订阅源：',
  opml: '一次导入全部订阅源：',
  opmlFile: 'OPML 文件',
  byRegionAndZone: '按地区和开发区',
  /** A group of feeds, with the section's name (类型, 来源, 年份). */
  by: (section: string) => `按${section}`,
  feedLink: 'RSS',
  feedOf: (listing: string) => `${listing} RSS 订阅源`,
} as const;

/** The 404 page. */
export const NOT_FOUND_LABELS = {
  title: '页面不存在',
  message: '您访问的页面不存在，可能已被移动或删除。',
  home: '返回首页',
  allNews: '浏览全部新闻',
  byZone: '按开发区浏览',
} as const;

/** The search page's markup (src/pages/search/index.astro); the filters' names are SEARCH_FILTERS (src/lib/search/query.ts). */
export const SEARCH_PAGE_LABELS = {
  title: '搜索',
  description: '搜索开发区新闻：开发区、企业、政策与项目。',
  heading: '搜索新闻',
  query: '关键词',
  placeholder: '开发区、企业、政策，如 招商引资',
  submit: '搜索',
  filters: '筛选',
  order: '排序',
  byRelevance: '相关度',
  byDate: '最新发布',
  results: '搜索结果',
  more: '显示更多结果',
  /** Without JavaScript: the text around links to the 地区, 开发区 and 年份 index pages. */
  noScript: { before: '搜索需要在浏览器中启用 JavaScript。也可以按', and: '、', or: '或', after: '浏览新闻。' },
} as const;

/** What the search page's script writes; the page's markup starts with `any` and `prompt` too. */
export const SEARCH_SCRIPT_LABELS = {
  /** A filter's first option, which filters nothing. */
  any: '全部',
  /** A filter's value with the number of results it would leave. */
  option: (value: string, count: number) => `${value}（${count}）`,
  prompt: '输入关键词，搜索开发区新闻。',
  /** A query with neither letters nor digits, which finds nothing. */
  unsearchable: '请输入文字或数字作为关键词。',
  unavailable: '搜索暂时无法使用（搜索索引由 npm run build 生成）。',
  shown: (shown: number, total: number) => `已显示 ${shown} / ${total} 篇。`,
} as const;

/**
 * The status line after a search: how many articles were found and in which order, or how to
 * find some. Without a query the results are filtered articles, always newest first.
 */
export function searchResultsStatus({
  query,
  filtered,
  byDate,
  count,
}: {
  query: string;
  filtered: boolean;
  byDate: boolean;
  count: number;
}): string {
  const scope = filtered ? '（已按筛选条件）' : '';
  if (count === 0) {
    return query ? `没有找到包含“${query}”的新闻${scope}。请检查错别字，换一个更短的词，或去掉筛选条件。` : '没有符合筛选条件的新闻。';
  }
  return query
    ? `找到 ${count} 篇包含“${query}”的新闻${scope}，${byDate ? '最新发布的' : '最相关的'}在前。`
    : `共 ${count} 篇新闻符合筛选条件，最新发布的在前。`;
}
