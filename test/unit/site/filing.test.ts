import { expect, test } from 'vitest';
import { filingLines } from '@/lib/site/filing';
import { FOOTER_LABELS } from '@/lib/site/labels';

test('the ICP number links to the MIIT filing system, the police number to its record by its digits', () => {
  expect(filingLines({ icp: '苏ICP备12345678号-1', police: '苏公网安备 32010502000123号' })).toEqual([
    { text: '苏ICP备12345678号-1', href: 'https://beian.miit.gov.cn/', title: FOOTER_LABELS.icpSite },
    {
      text: '苏公网安备 32010502000123号',
      href: 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=32010502000123',
      title: FOOTER_LABELS.policeSite,
    },
  ]);
});

test('a field left out or empty gives no line', () => {
  expect(filingLines({})).toEqual([]);
  expect(filingLines({ icp: ' ', police: '' })).toEqual([]);
  expect(filingLines({ police: '京公网安备11010502000001号' }).map((line) => line.text)).toEqual(['京公网安备11010502000001号']);
});

test('a police number without digits stops the build', () => {
  expect(() => filingLines({ police: '苏公网安备' })).toThrow("SITE.filing.police must hold the record number's digits");
});

test('the sample site shows both lines', () => {
  expect(filingLines().map((line) => line.href)).toEqual([
    'https://beian.miit.gov.cn/',
    'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=32010502000000',
  ]);
});
