/** "1 feed", "3 feeds": a count with its noun, plural by adding "s" unless another plural is given. */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
