/**
 * One engine for the status machines the console shows (credit situations, reconciliation situations): a
 * descriptor names each state in pt-BR and lists where it may go; `transition` refuses anything else with a pt-BR
 * reason the console can show as it is.
 */
export type TransitionResult<S extends string> = { ok: true; from: S; to: S } | { ok: false; reason: string };

export interface StateMachineDefinition<S extends string> {
  /** pt-BR name of the status, as the console's column header ("Situação Crédito"). */
  name: string;
  labels: Readonly<Record<S, string>>;
  next: Readonly<Record<S, readonly S[]>>;
  /** Why a state with no way out is final, when the generic "é final" would not tell the user enough. */
  finalReasons?: Readonly<Partial<Record<S, string>>>;
}

export interface StateMachine<S extends string> extends StateMachineDefinition<S> {
  readonly states: readonly S[];
  allows(from: S, to: S): boolean;
  transition(from: S, to: S): TransitionResult<S>;
}

export function defineStateMachine<S extends string>(definition: StateMachineDefinition<S>): StateMachine<S> {
  const states = Object.keys(definition.labels) as S[];
  const allows = (from: S, to: S) => definition.next[from].includes(to);
  return {
    ...definition,
    states,
    allows,
    transition(from, to) {
      if (allows(from, to)) return { ok: true, from, to };
      const fromLabel = definition.labels[from];
      if (definition.next[from].length === 0)
        return {
          ok: false,
          reason:
            definition.finalReasons?.[from] ?? `${definition.name}: "${fromLabel}" é final e não muda mais`,
        };
      return {
        ok: false,
        reason: `${definition.name}: não é possível passar de "${fromLabel}" para "${definition.labels[to]}"`,
      };
    },
  };
}
