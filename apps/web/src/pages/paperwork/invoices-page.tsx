import { useState } from 'react';
import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate, formatEuros } from '../../format';
import { type WebInvoicesQuery, WebInvoicesDocument } from '../../generated/graphql';
import { INVOICE_KIND, label } from '../../labels';

type Invoice = WebInvoicesQuery['invoices']['edges'][number]['node'];

const PAGE_SIZE = 20;

/** The documents of shipments as a table: number, kind, date, total and the PDF behind its signed link. */
export function InvoicesTable({ invoices, caption }: { invoices: Invoice[]; caption: string }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Numéro</th>
            <th scope="col">Document</th>
            <th scope="col">Émis le</th>
            <th scope="col" className="num">
              Appareils
            </th>
            <th scope="col" className="num">
              Total TTC
            </th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row">{invoice.number}</th>
              <td>{label(INVOICE_KIND, invoice.kind)}</td>
              <td>{formatDate(invoice.createdAt)}</td>
              <td className="num">{invoice.lines.length}</td>
              <td className="num">{invoice.totalCents === 0 ? 'gratuit' : formatEuros(invoice.totalCents)}</td>
              <td>
                <a href={invoice.pdfUrl} target="_blank" rel="noreferrer">
                  Ouvrir {invoice.kind === 'INVOICE' ? 'la facture' : 'le bon'} {invoice.number} (PDF)
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Factures: a workshop the documents it issued, a partner those of the devices sent to it; newest first, 20 a page. */
export function InvoicesPage() {
  const [after, setAfter] = useState<string[]>([]);
  const { data, error, loading } = useQuery(WebInvoicesDocument, { first: PAGE_SIZE, after: after.at(-1) ?? null });
  const invoices = data?.invoices.edges.map((edge) => edge.node) ?? [];
  const page = after.length + 1;
  return (
    <Page title="Factures">
      <p>
        Une facture pour chaque expédition payante, un bon de livraison pour chaque expédition gratuite. Les liens PDF restent valables quelques heures :
        rechargez la page pour en obtenir de nouveaux.
      </p>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && invoices.length === 0 && <p>Aucune facture pour l’instant : elles sont émises à l’expédition des appareils.</p>}
      {invoices.length > 0 && <InvoicesTable invoices={invoices} caption={`${data?.invoices.totalCount} documents — page ${page}`} />}
      <div className="actions">
        {after.length > 0 && (
          <button type="button" className="secondary" onClick={() => setAfter((all) => all.slice(0, -1))}>
            Page précédente
          </button>
        )}
        {data?.invoices.pageInfo.hasNextPage && data.invoices.pageInfo.endCursor && (
          <button type="button" className="secondary" onClick={() => setAfter((all) => [...all, data.invoices.pageInfo.endCursor!])}>
            Page suivante
          </button>
        )}
      </div>
    </Page>
  );
}
