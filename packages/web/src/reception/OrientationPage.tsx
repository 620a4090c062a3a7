/** Placeholder until the page lands (being written now). */
export function OrientationPage() {
  return null;
}
