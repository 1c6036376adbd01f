import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { formatEuros } from '../../format';
import { WebInvoicesDocument, WebQuoteDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { InvoicesTable } from '../paperwork/invoices-page';

const price = (cents: number): string => (cents === 0 ? 'gratuit' : formatEuros(cents));

/**
 * What an order costs, device by device, as soon as devices are reserved for it (before the partner
 * confirms anything), and the invoices of what was shipped. Read again whenever the order changes
 * (the order page gives it a new key).
 */
export function OrderMoney({ orderId }: { orderId: string }) {
  const quote = useQuery(WebQuoteDocument, { orderId });
  const invoices = useQuery(WebInvoicesDocument, { first: 100, orderId });
  const lines = quote.data?.quote.lines ?? [];
  const documents = invoices.data?.invoices.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <section className="panel" aria-labelledby={`quote-${orderId}`}>
        <h2 id={`quote-${orderId}`}>Devis</h2>
        <ErrorNotice error={quote.error} />
        {quote.loading && !quote.data && <Loading what="Chargement du devis" />}
        {quote.data && lines.length === 0 && <p>Le devis apparaîtra dès que des appareils seront attribués à cette commande.</p>}
        {lines.length > 0 && (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>Prix TTC de chaque appareil attribué</caption>
              <thead>
                <tr>
                  <th scope="col">Numéro de série</th>
                  <th scope="col">Appareil</th>
                  <th scope="col">Atelier</th>
                  <th scope="col" className="num">
                    Prix TTC
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.deviceId}>
                    <th scope="row">{line.serialNumber}</th>
                    <td>
                      {label(CATEGORY, line.category)}
                      {line.grade && <>, grade {line.grade}</>}
                      {line.publicDonor && <> — don d’un organisme public, prix plafonné</>}
                    </td>
                    <td>{line.refurbisherName}</td>
                    <td className="num">
                      {price(line.priceCents)}
                      {line.shipped && <> (facturé)</>}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total TTC
                  </th>
                  <td className="num">{price(quote.data!.quote.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby={`invoices-${orderId}`}>
        <h2 id={`invoices-${orderId}`}>Factures</h2>
        <ErrorNotice error={invoices.error} />
        {invoices.loading && !invoices.data && <Loading what="Chargement des factures" />}
        {invoices.data && documents.length === 0 && <p>Aucune facture : elle est émise par l’atelier à l’expédition des appareils.</p>}
        {documents.length > 0 && <InvoicesTable invoices={documents} caption="Factures et bons de livraison de cette commande" />}
      </section>
    </>
  );
}
