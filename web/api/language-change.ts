import type { Query, QueryClient } from '@tanstack/react-query';

// What the server words itself (a ledger's notes, the advisor's reasons, why a district calendar's last
// read failed, a refusal) comes in the language of the request: the account's, else the language on
// screen (the client's Accept-Language). When the language on screen changes, the answers kept in the
// old one go: those a page shows are asked for again, the others dropped, so a page opened later waits
// for its answer in the new language rather than showing the old one first. The session stays: it only
// says who is signed in (and the account's language, which a request made while the choice is being
// saved could still give as the old one).

const wordedByServer = (query: Query) => query.queryKey[0] !== 'session';

/** After the language on screen changed, or the account's language was saved: every answer again in it. */
export function askAgainInLanguage(client: QueryClient): Promise<void> {
  client.removeQueries({ predicate: (query) => wordedByServer(query) && query.getObserversCount() === 0 });
  return client.invalidateQueries({ predicate: wordedByServer });
}
