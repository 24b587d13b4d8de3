/**
 * The lead before or after one in the queue's own order (GET /reports with
 * no filters: the caller's channels, the order the queue page shows), for the
 * case page's next/previous shortcuts. Reads at most a few pages; a lead not
 * in them (closed, say) has no neighbour.
 */
import { LIST_LIMIT } from '../../contract/schemas/staff-reports';
import { staffApi, type ApiFailure } from './api';

const MAX_PAGES = 5;

/** The neighbouring lead's id, null when there is none, or the failure that stopped the look-up. */
export async function queueNeighbour(id: number, direction: 1 | -1): Promise<number | null | ApiFailure> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: string = `limit=${LIST_LIMIT.max}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const result = await staffApi('GET', `reports?${query}`);
    if (!result.ok) return result;
    ids.push(...result.data.reports.map((report) => report.id));
    const at = ids.indexOf(id);
    // The next lead may sit on the following page.
    if (at !== -1 && (direction === -1 || at + 1 < ids.length || result.data.nextCursor === null)) return ids[at + direction] ?? null;
    cursor = result.data.nextCursor;
    if (cursor === null) break;
  }
  return null;
}
