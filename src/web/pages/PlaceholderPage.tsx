import { TABS, type TabId } from '../route.js';

/** What each tab of the seeds will hold; shown until the issue that builds it lands. */
type ComingTab = Exclude<
  TabId,
  'titulos' | 'clientes' | 'contas' | 'tokens' | 'parceiros' | 'retorno' | 'credito' | 'conciliacao'
>;

const COMING: Record<ComingTab, string[]> = {
  remessa: [
    'Em breve: os títulos que podem ser ou já foram enviados às plataformas para registro, com filtros por empresa, plataforma, portador, emissão e vencimento.',
    'Na listagem: plataforma, título e parcela, cliente, portador, valores, nosso número e a situação da remessa (Não enviado, Enviado, Falha, Falha ERP, Pago), com histórico de cada tentativa e reenvio.',
  ],
  logs: [
    'Em breve: o registro de cada comunicação com as plataformas — data de envio, plataforma, empresa, ação/operação e status —, com a requisição e a resposta completas e os segredos mascarados.',
  ],
};

export function PlaceholderPage({ tab }: { tab: ComingTab }) {
  const label = TABS.find((t) => t.id === tab)?.label ?? '';
  const text = COMING[tab];
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{label}</h1>
      </header>
      <div className="placeholder">
        {text.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </section>
  );
}
