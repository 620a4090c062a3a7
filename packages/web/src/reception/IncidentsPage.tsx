/** Placeholder until the page lands (being written now). */
export function IncidentsPage() {
  return null;
}
