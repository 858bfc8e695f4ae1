import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocalized } from '../consultations/data';

/** A text stored per language, in the reader's language where there is one, marked with the language it is in. */
export function Localized({ value }: { value: unknown }) {
  const pick = useLocalized();
  const { text, language } = pick(value);
  return <span lang={language}>{text}</span>;
}

export function Task({ to, title, children }: { to: string; title: ReactNode; children?: ReactNode }) {
  return (
    <li className="task">
      <Link to={to} className="task__link">
        {title}
      </Link>
      {children && <div className="task__body">{children}</div>}
    </li>
  );
}

export function TaskSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="task-section">
      <h3 className="heading-m" id={id}>
        {title}
      </h3>
      <ul className="list-plain task-list">{children}</ul>
    </section>
  );
}

/** A calendar day (`YYYY-MM-DD`, a phase's planned end) as an instant at the start of that UTC day. */
export const dayInstant = (day: string) => `${day}T00:00:00Z`;
