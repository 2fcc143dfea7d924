// Vocabulary shared by the templates: tags, industries, company-name syllables,
// visiting delegations and the themes of the 12 cover images.

import type { Rng } from './prng.ts';
import { pick } from './prng.ts';

export const TAGS: readonly string[] = [
  '招商引资',
  '项目建设',
  '科技创新',
  '营商环境',
  '产业集群',
  '对外开放',
  '人才引进',
  '绿色发展',
  '数字经济',
  '高质量发展',
  '政策解读',
  '园区建设',
  '企业服务',
  '重大项目',
  '先进制造业',
];

export interface Industry {
  /** Sector name used in prose and tables, e.g. 新能源. */
  name: string;
  /** Part of a company name, e.g. 新能源科技. */
  company: string;
  /** Typical project names (without the company brand). */
  products: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: '新能源', company: '新能源科技', products: ['动力电池生产基地', '储能系统集成', '光伏组件智能工厂'] },
  { name: '集成电路', company: '半导体', products: ['12英寸晶圆封测', '功率芯片研发生产', '集成电路设计中心'] },
  { name: '生物医药', company: '生物医药', products: ['创新药研发中心', '高端医疗器械产业化', '生物制剂生产基地'] },
  { name: '高端装备', company: '智能装备', products: ['工业机器人生产线', '高端数控机床', '智能装备制造基地'] },
  { name: '新材料', company: '新材料', products: ['高性能复合材料', '电子级新材料', '特种纤维生产线'] },
  { name: '新能源汽车', company: '汽车科技', products: ['新能源汽车零部件', '整车电控系统', '汽车轻量化部件'] },
  { name: '电子信息', company: '电子科技', products: ['智能终端制造', '光电显示模组', '高端电子元器件'] },
  { name: '人工智能', company: '智能科技', products: ['人工智能算力中心', '智能传感器产业化', '工业软件研发'] },
  { name: '节能环保', company: '环保科技', products: ['固废资源化利用', '节能环保装备', '氢能装备制造'] },
];

const BRAND_A = [
  '恒',
  '华',
  '中',
  '瑞',
  '博',
  '天',
  '泰',
  '鼎',
  '宏',
  '金',
  '嘉',
  '德',
  '凯',
  '远',
  '盛',
  '卓',
  '信',
  '联',
  '睿',
  '航',
  '润',
  '启',
  '昊',
  '晶',
];
const BRAND_B = ['达', '源', '创', '科', '通', '邦', '和', '诚', '晟', '锐', '阳', '峰', '越', '辰', '宇', '驰', '能', '芯', '维', '弘'];

export interface Company {
  /** e.g. 江苏恒达新能源科技有限公司 */
  full: string;
  /** e.g. 恒达新能源科技 */
  short: string;
  /** e.g. 恒达 */
  brand: string;
  industry: Industry;
}

/** A company-like name; the province prefix follows the zone's province. */
export function makeCompany(rng: Rng, province: string, industry?: Industry): Company {
  const ind = industry ?? pick(rng, INDUSTRIES);
  let brand = pick(rng, BRAND_A) + pick(rng, BRAND_B);
  if (brand[0] === brand[1]) brand = brand[0] + '达';
  const suffix = rng() < 0.2 ? '股份有限公司' : '有限公司';
  return { full: province + brand + ind.company + suffix, short: brand + ind.company, brand, industry: ind };
}

/** Origins of visiting delegations / destinations of investment-promotion trips. */
export const VISITORS: readonly string[] = [
  '德国',
  '日本',
  '韩国',
  '新加坡',
  '香港',
  '澳门',
  '法国',
  '荷兰',
  '意大利',
  '上海',
  '深圳',
  '北京',
  '广州',
  '厦门',
  '青岛',
];

/** One theme per cover image (cover-01 … cover-12); {Z}/{S}/{R} are filled in later. */
export const COVER_ALTS: readonly string[] = [
  '{Z}核心区高楼林立',
  '{Z}新建的标准化厂房',
  '连接{R}城区与{S}的跨江大桥',
  '{S}重大项目建设现场塔吊林立',
  '{S}企业厂房屋顶的分布式光伏电站',
  '{Z}港口集装箱码头一角',
  '{S}科技创新中心外景',
  '{S}先进制造业企业生产基地',
  '{Z}风电项目远景',
  '{S}纵横交错的主干道路网',
  '{Z}夜景',
  '{S}生态公园与产业园区相映成趣',
];

export const QUARTERS: readonly string[] = ['一季度', '二季度', '三季度', '四季度'];

/** Role labels used when quoting officials (no personal names are invented). */
export const OFFICIALS: readonly string[] = [
  '{S}党工委主要负责同志',
  '{Z}管委会主要负责人',
  '{S}管委会相关负责人',
  '{S}经济发展局负责人',
  '{S}招商部门负责人',
];
