// The queries `npm run bench:search` runs, 2 to 8 Chinese characters each, all from the words
// the corpus generator (scripts/corpus/) writes, so they occur in every generated archive of
// some size (test/unit/scripts/bench-search.test.ts checks it for the default 10,000).

/** Common words, zone names, long phrases and rare words, in the order they run. */
export const BENCH_QUERIES: readonly string[] = [
  // the three, and a region's name
  '招商引资',
  '高质量发展',
  '产业集群',
  '盐城',
  '南京',
  // common words of the topics
  '项目建设',
  '营商环境',
  '集成电路',
  '人工智能',
  '动力电池',
  '链长制',
  '专精特新',
  // phrases of 5 to 8 characters
  '新能源汽车',
  '拿地即开工',
  '企业服务专员',
  '固定资产投资',
  '营商环境监督员',
  '经济技术开发区',
  '光伏组件智能工厂',
  // across a word boundary
  '开发区产业',
  // zone names, full and short
  '苏州工业园区',
  '合肥高新区',
  // rare: a visiting delegation, company brands, one company
  '澳门',
  '睿芯',
  '航驰',
  '恒达新能源科技',
  // no article has it
  '量子计算',
];

/** The query that no generated article contains. */
export const NO_HIT_QUERY = '量子计算';
