import { TABS, type TabId } from '../route.js';

/** What each tab of the seeds will hold; shown until the issue that builds it lands. */
type ComingTab = Exclude<
  TabId,
  'titulos' | 'clientes' | 'contas' | 'tokens' | 'parceiros' | 'retorno' | 'webhooks' | 'remessa' | 'logs' | 'auditoria'
>;

const COMING: Record<ComingTab, string[]> = {
  credito: [
    'Em breve: a gestão de crédito dos clientes na plataforma de crédito (Supplier): envio para análise, limite aprovado e limite disponível, situação do cliente e do crédito e faturamento a prazo.',
    'Com solicitação de alteração de limite e o histórico completo das análises.',
  ],
  conciliacao: [
    'Em breve: os eventos financeiros recebidos da plataforma de crédito (IMPL, CANCE, CANCEP, RPASSC, RPASSP, RPASSI, BONIFI e os informativos DIVCOM, DEBNF, BXSLDN) conciliados contra os títulos.',
    'Na listagem: transação, nota fiscal, cliente, tipo de lançamento e de evento, valores e situação (Não conciliado, Conciliado, Informativo, Falha), com a ação Conciliar e o histórico de cada registro.',
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
