/**
 * Maximum-weight assignment of rows to columns (the Hungarian method, in its shortest-augmenting-path form with
 * potentials), written here because it is forty lines and no well-kept npm package does it for a rectangular
 * matrix with forbidden cells in the browser.
 *
 * `weights[r][c]` is what assigning row r to column c is worth, or `null` where that pairing is not allowed. Every
 * row gets at most one column and every column at most one row; a row may stay unassigned (worth 0). The result
 * maximises the total worth: `columnOf[r]` is the row's column, or -1.
 *
 * How: each row gets a private "stay unassigned" column worth 0, so a full assignment always exists; forbidden
 * cells cost a number larger than any real total, so they are never chosen while a real choice exists. Then the
 * classic O(rows² · columns) algorithm minimises the negated worth.
 */
export function maxWeightAssignment(weights: readonly (readonly (number | null)[])[], columns: number): number[] {
  const rows = weights.length;
  if (rows === 0) return [];
  const width = columns + rows;
  let largest = 1;
  for (const row of weights) for (const value of row) if (value !== null) largest = Math.max(largest, Math.abs(value));
  const forbidden = (largest + 1) * (rows + 1) * 4;
  const cost = (r: number, c: number): number => {
    if (c >= columns) return c - columns === r ? 0 : forbidden;
    const value = weights[r]![c];
    return value === null || value === undefined ? forbidden : -value;
  };

  // 1-based arrays as in the textbook form: u, v are potentials; p[c] is the row holding column c (0 = none).
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(width + 1);
  const p = new Int32Array(width + 1);
  const way = new Int32Array(width + 1);
  for (let r = 1; r <= rows; r++) {
    p[0] = r;
    let c0 = 0;
    const minv = new Float64Array(width + 1).fill(Infinity);
    const used = new Uint8Array(width + 1);
    do {
      used[c0] = 1;
      const r0 = p[c0]!;
      let delta = Infinity;
      let c1 = 0;
      for (let c = 1; c <= width; c++) {
        if (used[c]) continue;
        const reduced = cost(r0 - 1, c - 1) - u[r0]! - v[c]!;
        if (reduced < minv[c]!) {
          minv[c] = reduced;
          way[c] = c0;
        }
        if (minv[c]! < delta) {
          delta = minv[c]!;
          c1 = c;
        }
      }
      for (let c = 0; c <= width; c++) {
        if (used[c]) {
          const r = p[c]!;
          u[r] = u[r]! + delta;
          v[c] = v[c]! - delta;
        } else minv[c] = minv[c]! - delta;
      }
      c0 = c1;
    } while (p[c0] !== 0);
    do {
      const c1 = way[c0]!;
      p[c0] = p[c1]!;
      c0 = c1;
    } while (c0 !== 0);
  }

  const columnOf = new Array<number>(rows).fill(-1);
  for (let c = 1; c <= columns; c++) {
    const r = p[c]!;
    if (r > 0 && weights[r - 1]![c - 1] !== null) columnOf[r - 1] = c - 1;
  }
  return columnOf;
}
