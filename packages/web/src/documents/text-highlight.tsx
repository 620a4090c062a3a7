import { Fragment } from 'react';

/** The text with the given spans marked (spelling mistakes, medical terms). */
export function highlight(text: string, spans: readonly { start: number; end: number }[]) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(<Fragment key={`t${s.start}`}>{text.slice(at, s.start)}</Fragment>);
    parts.push(
      <mark key={`m${s.start}`} style={{ background: '#ffd8a8' }}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return parts;
}
