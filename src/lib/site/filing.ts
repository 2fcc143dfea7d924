import { FOOTER_LABELS } from '@/lib/site/labels';
import { ICP_FILING_URL, policeFilingUrl } from '@/lib/site/urls';
import { SITE } from '@/site.config';

/**
 * The filing lines (备案号) of the footer, from SITE.filing: the ICP number linked to the MIIT's
 * filing system, the police number linked to its record. A field left out gives no line.
 */

export interface Filing {
  icp?: string;
  police?: string;
}

export interface FilingLine {
  /** The number as issued, shown as the link's text. */
  text: string;
  href: string;
  /** The site the link opens, for its title. */
  title: string;
}

export function filingLines(filing: Filing = SITE.filing): FilingLine[] {
  const lines: FilingLine[] = [];
  const icp = filing.icp?.trim();
  if (icp) lines.push({ text: icp, href: ICP_FILING_URL, title: FOOTER_LABELS.icpSite });
  const police = filing.police?.trim();
  if (police) {
    // The record is found by the number's digits (`苏公网安备32010502000000号` → 32010502000000).
    const code = police.replace(/\D/g, '');
    if (!code) throw new Error(`SITE.filing.police must hold the record number's digits, as issued: "${police}"`);
    lines.push({ text: police, href: policeFilingUrl(code), title: FOOTER_LABELS.policeSite });
  }
  return lines;
}
