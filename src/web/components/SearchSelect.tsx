/**
 * Pick one record among many by typing (React Aria ComboBox): each pause in typing asks the server, so the
 * list is never limited to what one page can load. The chosen record's label is fetched by id, so a reload of
 * a URL with the id shows its name.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';

export interface SearchOption {
  id: string;
  label: string;
  description?: string;
}

interface SearchSelectProps {
  label: string;
  placeholder: string;
  /** Query-cache key prefix (the resource plus what scopes it, e.g. ['customers', companyId]). */
  cacheKey: readonly string[];
  /** '' when nothing is chosen. */
  value: string;
  onChange: (id: string) => void;
  search: (text: string, signal: AbortSignal) => Promise<{ options: SearchOption[]; total: number }>;
  lookup: (id: string, signal: AbortSignal) => Promise<SearchOption>;
  className?: string;
}

const TYPING_PAUSE_MS = 250;

export function SearchSelect({
  label,
  placeholder,
  cacheKey,
  value,
  onChange,
  search,
  lookup,
  className,
}: SearchSelectProps) {
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const chosen = useQuery({
    queryKey: [...cacheKey, 'search-select:chosen', value],
    queryFn: ({ signal }) => lookup(value, signal),
    enabled: value !== '',
  });
  const found = useQuery({
    queryKey: [...cacheKey, 'search-select:found', term],
    queryFn: ({ signal }) => search(term, signal),
    placeholderData: keepPreviousData,
  });

  // The field shows the chosen record's name (also after a reload or "Limpar filtros").
  const chosenLabel = value === '' ? '' : (chosen.data?.label ?? '');
  useEffect(() => setInput(chosenLabel), [chosenLabel]);
  useEffect(() => {
    const timer = window.setTimeout(
      () => setTerm(input === chosenLabel ? '' : input.trim()),
      TYPING_PAUSE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [input, chosenLabel]);

  const options = found.data?.options ?? [];
  const items =
    chosen.data && !options.some((o) => o.id === chosen.data.id) ? [chosen.data, ...options] : options;
  const more = found.data ? found.data.total - found.data.options.length : 0;

  return (
    <ComboBox
      className={['search-select', className].filter(Boolean).join(' ')}
      items={items}
      selectedKey={value === '' ? null : value}
      onSelectionChange={(key) => {
        if (key === null) return;
        // With both value and text controlled, the text must follow the choice in the same update, or the
        // combobox would see a later text change and open its list again.
        setInput(items.find((option) => option.id === key)?.label ?? '');
        onChange(String(key));
      }}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        if (text === '' && value !== '') onChange('');
      }}
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label>{label}</Label>
      <div className="search-select-field">
        <Input placeholder={value !== '' && chosen.isPending ? 'Carregando…' : placeholder} />
        {value !== '' ? (
          <button
            type="button"
            className="search-select-clear"
            aria-label={`Limpar ${label.toLowerCase()}`}
            onClick={() => onChange('')}
          >
            ×
          </button>
        ) : null}
        <Button className="search-select-toggle" aria-label={`Abrir lista de ${label.toLowerCase()}`}>
          ▾
        </Button>
      </div>
      <Popover className="search-select-popover" placement="bottom start">
        <ListBox<SearchOption>
          className="search-select-list"
          renderEmptyState={() => (
            <p className="search-select-empty">{found.isFetching ? 'Buscando…' : 'Nada encontrado.'}</p>
          )}
        >
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="search-select-option">
              <Text slot="label">{option.label}</Text>
              {option.description ? <Text slot="description">{option.description}</Text> : null}
            </ListBoxItem>
          )}
        </ListBox>
        {more > 0 ? (
          <p className="search-select-more">
            e mais {more.toLocaleString('pt-BR')}: continue digitando para encontrar.
          </p>
        ) : null}
      </Popover>
    </ComboBox>
  );
}
