import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { WebStockLevelsDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';

/** The stock by category and grade: available to match, and reserved for orders. */
export function StockPage() {
  const { data, error, loading } = useQuery(WebStockLevelsDocument, {});
  const levels = data?.stockLevels ?? [];
  return (
    <Page title="Stock">
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && levels.length === 0 && <p>Le stock est vide.</p>}
      {levels.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>Stock par catégorie et grade</caption>
            <thead>
              <tr>
                <th scope="col">Catégorie</th>
                <th scope="col">Grade</th>
                <th scope="col" className="num">
                  Disponibles
                </th>
                <th scope="col" className="num">
                  Réservés
                </th>
                <th scope="col">Atelier</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level, index) => (
                <tr key={index}>
                  <th scope="row">{label(CATEGORY, level.category)}</th>
                  <td>{level.grade}</td>
                  <td className="num">{level.available}</td>
                  <td className="num">{level.reserved}</td>
                  <td>{level.refurbisher.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
