/** Saving an integration (editor and wizard alike): local checks, then the API, its field errors kept by path. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import type { Integration } from '../../contracts.js';
import { errorsByPath, toInput, type IntegrationForm } from './form.js';

export interface SaveProblems {
  /** The general message (a conflict's text), or null when the fields say it all. */
  message: string | null;
  errors: Record<string, string>;
}

const NO_PROBLEMS: SaveProblems = { message: null, errors: {} };

export function useSaveIntegration(platform: string) {
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<SaveProblems>(NO_PROBLEMS);
  const mutation = useMutation({
    mutationFn: ({ form, id }: { form: IntegrationForm; id?: string }) => {
      const built = toInput(form, platform);
      if ('errors' in built)
        throw new ApiError(
          400,
          'validation',
          '',
          Object.entries(built.errors).map(([path, message]) => ({ path, message })),
        );
      return api.saveIntegration(built.input, id);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });

  /** Resolves with the saved integration, or null after recording what went wrong. */
  const save = async (form: IntegrationForm, id?: string): Promise<Integration | null> => {
    setProblems(NO_PROBLEMS);
    try {
      return await mutation.mutateAsync(id ? { form, id } : { form });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setProblems({ message: 'Não foi possível salvar a integração.', errors: {} });
        return null;
      }
      const errors = errorsByPath(error.fields);
      // A validation answer lists every field in its message; the fields already say it beside each input.
      const fieldsSayIt = error.status === 400 && error.fields.length > 0;
      setProblems({ message: fieldsSayIt ? 'Corrija os campos indicados.' : error.message, errors });
      return null;
    }
  };

  return { save, problems, saving: mutation.isPending };
}
