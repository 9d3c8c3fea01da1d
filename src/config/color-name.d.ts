/** The `color-name` package: CSS's named colours and their RGB values. */
declare module 'color-name' {
  const names: Readonly<Record<string, readonly [number, number, number]>>;
  export default names;
}
