/** The Remessa list state in the URL and in GET /api/remessas. */
import { isoDate, listParams, subsetOf, text } from '../../components/listParams.js';
import { registrationStatuses, remessaSorts } from '../../../domain/receivable/registration.js';

export const remessaList = listParams({
  filters: {
    /** A child company of the consolidated view (the API's companyId); empty: the whole view. */
    empresa: text,
    platform: text,
    portadorId: text,
    issueFrom: isoDate,
    issueTo: isoDate,
    dueFrom: isoDate,
    dueTo: isoDate,
    status: subsetOf(registrationStatuses),
    q: text,
  },
  sorts: remessaSorts,
  sort: 'dueDate',
  pageSizes: [25, 50, 100],
});

/** The API query of a list query: the Empresa filter narrows the scope (companyId) instead of being sent. */
export function remessaApiQuery(query: string): string {
  const params = new URLSearchParams(query);
  const empresa = params.get('empresa');
  if (empresa) params.set('companyId', empresa);
  params.delete('empresa');
  return params.toString();
}
