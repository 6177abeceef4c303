import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples', 'nok');
const audit = join(examples, 'audit.csv');
const auditLong = join(examples, 'audit-long.csv');
const answers = join(examples, 'answers.csv');

// Reads the entries of a ZIP (as XLSX is) through its central directory.
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localName = view.getUint16(local + 26, true);
    const data = bytes.subarray(local + 30 + localName, local + 30 + localName + size);
    out.set(name, new TextDecoder().decode(method === 0 ? data : inflateRawSync(data)));
    at += 46 + nameLength;
  }
  return out;
}

describe('nok', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-nok-'));

  it('reproduces the worked example of the method document: S = 86.0067, published 86.01', async () => {
    const c = capture(dir);
    expect(
      await run(
        ['nok', '--audit', audit, '--responses', answers, '--out', 'out', '--format', 'json'],
        c.io,
      ),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    const school = json.result.organisations.find((o: { id: string }) => o.id === 'school-1');
    // methods/nok-344n.md worked example: K1 93.8, K2 87.5, K3 58.5, K4 97.333…, K5 92.9.
    expect(school.counts).toMatchObject({
      respondents: 200,
      standsUsed: 150,
      standsSatisfied: 141,
      siteUsed: 120,
      siteSatisfied: 108,
      disability: 8,
      accessibilitySatisfied: 6,
      remoteUsed: 90,
      remotePolite: 87,
      overallSatisfied: 186,
    });
    expect(school.criteria.K1.value).toBeCloseTo(93.8, 10);
    expect(school.criteria.K2.value).toBeCloseTo(87.5, 10);
    expect(school.criteria.K3.value).toBeCloseTo(58.5, 10);
    expect(school.criteria.K4.value).toBeCloseTo(97.3333333333, 8);
    expect(school.criteria.K5.value).toBeCloseTo(92.9, 10);
    expect(school.total.value).toBeCloseTo(86.0067, 4);
    expect(school.total.display).toBe('86.01');
    // school-2 has no accessible-premises item: П3.1 = 0, K3 = 0.3·0 + 0.4·60 + 0.3·75 = 46.5,
    // S = (93.8 + 87.5 + 46.5 + 97.3333 + 92.9)/5 = 83.6067.
    const school2 = json.result.organisations.find((o: { id: string }) => o.id === 'school-2');
    expect(school2.criteria.K3.value).toBeCloseTo(46.5, 10);
    expect(school2.total.display).toBe('83.61');
    expect(json.audit.layout).toBe('wide');
  });

  it('writes the organisations table as CSV and XLSX and an HTML page per organisation', async () => {
    const c = capture(dir);
    expect(
      await run(['nok', '-a', audit, '-r', answers, '-o', 'files', '--locale', 'en'], c.io),
    ).toBe(0);
    const csv = readFileSync(join(dir, 'files', 'organisations.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'Rank,Code,Name,Municipality,Founder,Type,Respondents,K1,K2,K3,K4,K5,Total S',
    );
    expect(csv[2]).toMatch(
      /^2,school-1,Школа № 1,North,,school,200,93\.8\d*,87\.5,58\.5,97\.333\d*,92\.9,86\.00666/,
    );
    const parts = unzip(readFileSync(join(dir, 'files', 'organisations.xlsx')));
    const workbook = parts.get('xl/workbook.xml') ?? '';
    expect(workbook).toContain('name="organisations"');
    const html = readFileSync(join(dir, 'files', 'nok-report.html'), 'utf8');
    for (const id of ['org-1', 'org-2', 'org-3']) expect(html).toContain(`data-section="${id}"`);
    expect(html.match(/class="page-break"/g)).toHaveLength(3);
    expect(html).toContain('break-before: page');
    expect(c.stdout()).toContain(
      '     2  school-1                  93.80  87.50  58.50  97.33  92.90  86.01',
    );
  });

  it('reads the long layout to the same result', async () => {
    const wide = capture(dir);
    const long = capture(dir);
    await run(['nok', '-a', audit, '-r', answers, '-o', 'w', '--format', 'json'], wide.io);
    expect(
      await run(['nok', '-a', auditLong, '-r', answers, '-o', 'l', '--format', 'json'], long.io),
    ).toBe(0);
    const a = JSON.parse(wide.stdout()).result;
    const b = JSON.parse(long.stdout());
    expect(b.audit.layout).toBe('long');
    expect(b.result.ranking).toEqual(a.ranking);
  });

  it('traces an unknown catalogue item back to its row and column (exit 1)', async () => {
    const text = readFileSync(audit, 'utf8').replace('faq|quality-opinion', 'faq|fax');
    writeFileSync(join(dir, 'bad-audit.csv'), text);
    const c = capture(dir);
    expect(await run(['nok', '-a', 'bad-audit.csv', '-r', answers, '-o', 'bad'], c.io)).toBe(1);
    expect(c.stderr()).toContain(
      'bad-audit.csv: row 2, column 10 (remote_channels): school-1: "fax" is not in the remoteChannels catalogue of P1.2 [nok-unknown-item]',
    );
  });

  it('reports audit-file errors with row and column, and usage errors with exit 2', async () => {
    writeFileSync(
      join(dir, 'long-bad.csv'),
      'organisation,list,item,present\nschool-1,stands,a,yes\n,stands,b,no\nschool-1,shelves,c,yes\n',
    );
    const c = capture(dir);
    expect(await run(['nok', '-a', 'long-bad.csv', '-r', answers], c.io)).toBe(1);
    expect(c.stderr()).toContain(
      'long-bad.csv: row 3, column 1 (organisation): the row names no organisation',
    );
    expect(c.stderr()).toContain(
      'long-bad.csv: row 4, column 2 (list): school-1: list must be one of',
    );
    expect(await run(['nok', '-a', audit], capture(dir).io)).toBe(2);
    expect(
      await run(['nok', '-a', audit, '-r', answers, '--rounding', 'up'], capture(dir).io),
    ).toBe(2);
  });

  it('with a header-only or empty survey file: every organisation incomplete, none ranked, no S', async () => {
    const header = readFileSync(answers, 'utf8').split('\n')[0]!;
    writeFileSync(join(dir, 'answers-header.csv'), `${header}\n`);
    writeFileSync(join(dir, 'answers-empty.csv'), '');
    for (const file of ['answers-header.csv', 'answers-empty.csv']) {
      const c = capture(dir);
      const out = `incomplete-${file}`;
      expect(await run(['nok', '-a', audit, '-r', file, '-o', out, '--format', 'json'], c.io)).toBe(
        0,
      );
      const { result } = JSON.parse(c.stdout());
      expect(result.ranking).toEqual([]);
      expect(result.overall).toBeNull();
      expect(result.unranked.map((u: { id: string }) => u.id)).toEqual([
        'school-1',
        'school-2',
        'kindergarten-3',
      ]);
      const school = result.organisations[0];
      // Hand calculation (redistribute): K1 = (0.3·90 + 0.3·100)/0.6 = 95, K2 = П2.1 = 80,
      // K3 = (0.3·40 + 0.4·60)/0.7 = 51.428571; K4 and K5 have no data.
      expect(school.criteria.K1.value).toBeCloseTo(95, 10);
      expect(school.criteria.K3.value).toBeCloseTo(51.4285714286, 9);
      expect(school.incomplete).toBe(true);
      expect(school.rank).toBeNull();
      expect(school.criteriaWithoutData).toEqual(['K4', 'K5']);
      // The published table has no rank and no S for them.
      const csv = readFileSync(join(dir, out, 'organisations.csv'), 'utf8').split('\r\n');
      expect(csv[1]).toMatch(
        /^,school-1,.*,95,80,51\.428571\d*,,,,"не в рейтинге: нет данных по K4, K5"$/,
      );
    }
    const text = capture(dir);
    expect(await run(['nok', '-a', audit, '-r', 'answers-header.csv', '-o', 'txt'], text.io)).toBe(
      0,
    );
    expect(text.stdout()).toContain('(no organisation has complete data: no ranking)');
    expect(text.stdout()).toContain('Not ranked (incomplete data): 3');
    expect(text.stdout()).toContain(
      '     —  school-1                  95.00  80.00  51.43      —      —      —',
    );
  });

  it('applies operator rounding and the empty-denominator policy when asked', async () => {
    const c = capture(dir);
    expect(
      await run(
        [
          'nok',
          '-a',
          audit,
          '-r',
          answers,
          '-o',
          'op',
          '--rounding',
          'operator',
          '--empty-denominator',
          '0',
          '--format',
          'json',
        ],
        c.io,
      ),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json.result.policy).toEqual({ emptyDenominator: 0, rounding: 'operator' });
    expect(json.result.organisations[0].criteria.K4.value).toBe(97.33);
  });
});
