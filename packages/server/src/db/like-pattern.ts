/**
 * Typed text as a literal inside a `LIKE` pattern: `%`, `_` and the escape character `\` lose
 * their meaning, so a search for "50%" or "a_b" finds those characters and nothing else. Backslash
 * is the default `LIKE` escape character of PostgreSQL and PGlite (PostgreSQL manual, 9.7.1), and
 * values are bound parameters, so no `ESCAPE` clause is needed. Every `LIKE` over typed text uses it.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A `LIKE` pattern matching any text that contains `text`. */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A `LIKE` pattern matching any text that begins with `text`. */
export function likeStartingWith(text: string): string {
  return `${escapeLike(text)}%`;
}
