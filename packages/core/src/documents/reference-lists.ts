/** One CIM-10 code with its French label (the `long` column of the ATIH list). */
export interface Cim10Row {
  code: string;
  label: string;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Reads the CIM-10 CSV shipped in data/cim10 (header `code,type,ssr,psy,short,long`). */
export function parseCim10Csv(csv: string): Cim10Row[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = parseCsvLine(lines[0] ?? '');
  const codeAt = header.indexOf('code');
  const labelAt = header.indexOf('long');
  if (codeAt < 0 || labelAt < 0) return [];
  return lines.slice(1).flatMap((line) => {
    const cells = parseCsvLine(line);
    const code = cells[codeAt]?.trim() ?? '';
    const label = cells[labelAt]?.trim() ?? '';
    return code && label ? [{ code, label }] : [];
  });
}

/** Drug and substance names from data/drugs/atc-drug-names.json (ATC code → names), deduplicated. */
export function atcDrugNames(atc: Record<string, readonly string[]>): string[] {
  return [...new Set(Object.values(atc).flat())];
}
