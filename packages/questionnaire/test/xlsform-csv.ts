// Reads pyxform's CSV encoding of an XLSForm (sheet name in column 1, its
// rows indented one cell) into sheets of records, for the format tests.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function pyxformCsvSheets(text: string): Record<string, Record<string, string>[]> {
  const sheets: Record<string, Record<string, string>[]> = {};
  let name: string | undefined;
  let header: string[] | undefined;
  for (const row of parseCsv(text)) {
    if (row[0] !== undefined && row[0] !== '') {
      name = row[0];
      header = undefined;
      sheets[name] = [];
      continue;
    }
    if (name === undefined) continue;
    const cells = row.slice(1);
    if (header === undefined) {
      header = cells;
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h !== '' && cells[i] !== undefined && cells[i] !== '') record[h] = cells[i];
    });
    sheets[name]?.push(record);
  }
  return sheets;
}
