import { useEffect, useState } from 'react';
import { dateProblem, formatDate, maskDateTyping, parseDateBR } from '../format.js';

interface DateFieldProps {
  id: string;
  label: string;
  value: string; // ISO date or ''
  onChange: (iso: string) => void;
  /** Show the label above the field instead of only to screen readers. */
  visibleLabel?: boolean;
}

/**
 * A "dd/mm/aaaa" text field: commits an ISO date when a full valid date is typed (or the field is emptied),
 * marks itself invalid otherwise and says why (an impossible day names the month's length). Text rather than
 * <input type=date> so it reads pt-BR in any browser locale.
 */
export function DateField({ id, label, value, onChange, visibleLabel = false }: DateFieldProps) {
  const [text, setText] = useState(() => formatDate(value));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    setText((typed) =>
      parseDateBR(typed) === value || (typed === '' && value === '') ? typed : formatDate(value),
    );
    setInvalid(false);
  }, [value]);

  const commit = (next: string) => {
    if (next.trim() === '') {
      setInvalid(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDateBR(next);
    setInvalid(iso === null && next.length >= 10);
    if (iso !== null && iso !== value) onChange(iso);
  };

  return (
    <>
      <label htmlFor={id} className={visibleLabel ? undefined : 'sr-only'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/aaaa"
        className="date-input"
        maxLength={10}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        onChange={(event) => {
          const typed = maskDateTyping(event.target.value);
          setText(typed);
          commit(typed);
        }}
        onBlur={() => setInvalid(text.trim() !== '' && parseDateBR(text) === null)}
      />
      {invalid ? (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {dateProblem(text) ?? `${text} não é uma data: use dd/mm/aaaa.`}
        </span>
      ) : null}
    </>
  );
}
