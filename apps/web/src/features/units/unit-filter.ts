import type { UnitView } from '@motcua/contracts';
import { fold } from '../../lib/text.ts';
import type { UnitTree } from './useUnitTree.ts';

/** `folded` is the filter text already passed through fold(). */
export function unitMatches(unit: UnitView, folded: string): boolean {
  return fold(unit.name).includes(folded) || unit.code.toLowerCase().includes(folded) || (!!unit.shortName && fold(unit.shortName).includes(folded));
}

/** Whether a unit in an open, loaded branch below `code` matches; closed branches are not searched. */
export function hasOpenMatch(code: string, tree: UnitTree, folded: string): boolean {
  const branch = tree.branch(code);
  if (!tree.isOpen(code) || branch?.status !== 'ok') return false;
  return branch.items.some((u) => unitMatches(u, folded) || hasOpenMatch(u.code, tree, folded));
}

/** How many units on screen match, for the live count under the filter box. */
export function countMatches(units: UnitView[], tree: UnitTree, folded: string): number {
  let n = 0;
  for (const u of units) {
    if (unitMatches(u, folded)) n++;
    const branch = tree.branch(u.code);
    if (tree.isOpen(u.code) && branch?.status === 'ok') n += countMatches(branch.items, tree, folded);
  }
  return n;
}

/** "85 xã, 14 phường, 3 đặc khu" from the children's subtypes, in the order they first appear. */
export function subtypeBreakdown(units: UnitView[], lowercase: boolean): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.subtype, (counts.get(u.subtype) ?? 0) + 1);
  return [...counts].map(([subtype, n]) => `${n.toLocaleString('vi-VN')} ${lowercase ? subtype.toLocaleLowerCase('vi') : subtype}`).join(', ');
}
