// Regions (cities) and their development zones. Order matters: zones are
// assigned round-robin by article index, so changing it changes the corpus.

export interface Zone {
  /** Full official-style name, e.g. 盐城经济技术开发区. */
  name: string;
  /** Short name used in titles, e.g. 盐城经开区. */
  short: string;
  /** City the zone belongs to, e.g. 盐城. */
  region: string;
  /** Province, used as prefix of company names. */
  province: string;
  /** Generic kind used in prose: 经开区, 高新区, 工业园区 or 保税区. */
  kind: string;
  /** 2–4 issuing offices. */
  sources: string[];
}

interface RegionSpec {
  region: string;
  province: string;
  /** [full name, short name, office codes] — codes: G 管委会, J 经济发展局, Z 招商局, D 党政办公室, K 科技局, S city 商务局. */
  zones: [string, string, string][];
}

const REGIONS: RegionSpec[] = [
  {
    region: '盐城',
    province: '江苏',
    zones: [
      ['盐城经济技术开发区', '盐城经开区', 'GJZS'],
      ['盐城高新技术产业开发区', '盐城高新区', 'GKS'],
    ],
  },
  {
    region: '苏州',
    province: '江苏',
    zones: [
      ['苏州工业园区', '苏州工业园区', 'GJK'],
      ['昆山经济技术开发区', '昆山开发区', 'GZS'],
      ['张家港保税区', '张家港保税区', 'GDS'],
    ],
  },
  {
    region: '南京',
    province: '江苏',
    zones: [
      ['南京经济技术开发区', '南京经开区', 'GJZ'],
      ['江宁经济技术开发区', '江宁开发区', 'GZDS'],
    ],
  },
  {
    region: '无锡',
    province: '江苏',
    zones: [
      ['无锡高新技术产业开发区', '无锡高新区', 'GKS'],
      ['锡山经济技术开发区', '锡山开发区', 'GJ'],
    ],
  },
  {
    region: '常州',
    province: '江苏',
    zones: [
      ['常州国家高新技术产业开发区', '常州高新区', 'GJKS'],
      ['武进国家高新技术产业开发区', '武进高新区', 'GZ'],
    ],
  },
  {
    region: '南通',
    province: '江苏',
    zones: [
      ['南通经济技术开发区', '南通开发区', 'GJZS'],
      ['海安高新技术产业开发区', '海安高新区', 'GD'],
    ],
  },
  {
    region: '杭州',
    province: '浙江',
    zones: [
      ['杭州经济技术开发区', '杭州经开区', 'GJS'],
      ['萧山经济技术开发区', '萧山开发区', 'GZ'],
    ],
  },
  {
    region: '宁波',
    province: '浙江',
    zones: [
      ['宁波经济技术开发区', '宁波开发区', 'GJZS'],
      ['宁波保税区', '宁波保税区', 'GD'],
    ],
  },
  {
    region: '合肥',
    province: '安徽',
    zones: [
      ['合肥高新技术产业开发区', '合肥高新区', 'GKS'],
      ['合肥经济技术开发区', '合肥经开区', 'GJZ'],
    ],
  },
  {
    region: '武汉',
    province: '湖北',
    zones: [
      ['武汉东湖新技术开发区', '东湖高新区', 'GKDS'],
      ['武汉经济技术开发区', '武汉经开区', 'GZ'],
    ],
  },
  {
    region: '成都',
    province: '四川',
    zones: [
      ['成都高新技术产业开发区', '成都高新区', 'GJKS'],
      ['成都经济技术开发区', '成都经开区', 'GZ'],
    ],
  },
  {
    region: '西安',
    province: '陕西',
    zones: [
      ['西安高新技术产业开发区', '西安高新区', 'GKZS'],
      ['西安经济技术开发区', '西安经开区', 'GJ'],
    ],
  },
];

const OFFICES: Record<string, string> = {
  G: '管委会',
  J: '经济发展局',
  Z: '招商局',
  D: '党政办公室',
  K: '科技局',
};

function kindOf(name: string): string {
  if (name.includes('高新') || name.includes('新技术')) return '高新区';
  if (name.includes('工业园区')) return '工业园区';
  if (name.includes('保税区')) return '保税区';
  return '经开区';
}

function buildZones(): Zone[] {
  const out: Zone[] = [];
  for (const spec of REGIONS) {
    for (const [name, short, codes] of spec.zones) {
      const sources = codes.split('').map((c) => (c === 'S' ? `${spec.region}市商务局` : name + OFFICES[c]));
      out.push({ name, short, region: spec.region, province: spec.province, kind: kindOf(name), sources });
    }
  }
  return out;
}

export const ZONES: readonly Zone[] = buildZones();

/**
 * Names editors write besides the official one and the short name above, for the registry
 * (content/registry.yaml): common abbreviations, and names zones had before an upgrade to
 * national level. Not used in article text, so the corpus does not depend on it.
 */
export const EXTRA_NAMES: Readonly<Record<string, { short?: string[]; former?: string[] }>> = {
  盐城经济技术开发区: { former: ['盐城经济开发区'] },
  苏州工业园区: { short: ['园区'] },
  武汉东湖新技术开发区: { short: ['中国光谷', '光谷'] },
  常州国家高新技术产业开发区: { former: ['常州高新技术产业开发区'] },
  武进国家高新技术产业开发区: { former: ['武进高新技术产业开发区'] },
};

/** Region names in declaration order. */
export const REGION_NAMES: readonly string[] = REGIONS.map((r) => r.region);

/** Index of the first zone of each region (those get a 图片新闻 in the second round). */
export const FIRST_ZONE_OF_REGION: ReadonlySet<number> = new Set(REGION_NAMES.map((r) => ZONES.findIndex((z) => z.region === r)));
