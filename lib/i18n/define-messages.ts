type Tree = { [key: string]: string | Tree };
type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** English must have exactly the keys of the Chinese text: the compiler catches a missing translation. */
export function defineMessages<Z extends Tree>(m: { "zh-CN": Z; en: SameShape<Z> }) {
  return m;
}
