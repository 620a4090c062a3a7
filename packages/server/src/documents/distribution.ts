import { DomainError } from '@pivot/core';
import { correspondentDisplayName } from '@pivot/core/directory';
import { type RecipientCategory, recipientCategoryOf } from '@pivot/core/documents';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { activeListMembers, findDistributionList } from './repository.ts';

export interface ListRecipient {
  category: RecipientCategory;
  correspondentId: string;
  name: string;
  email: null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The members of distribution lists as recipients, in list order, each correspondent once and not
 * again when already chosen by hand. A list of another organisation or unknown is refused, naming
 * the list's position in the request; so is a list without any active member (a sending to nobody
 * would be recorded as done). The category of each member comes from the directory, so the
 * confidentiality check sees an insurer or an employer in a list as such.
 */
export async function distributionListRecipients(
  tx: Kysely<Database>,
  organizationId: string,
  listIds: readonly string[],
  alreadyChosen: readonly (string | null)[] = [],
): Promise<ListRecipient[]> {
  const seen = new Set(alreadyChosen.filter((id): id is string => id !== null));
  const out: ListRecipient[] = [];
  for (const [i, listId] of listIds.entries()) {
    const field = `distributionListIds.${i}`;
    const list = uuidPattern.test(listId)
      ? await findDistributionList(tx, organizationId, listId)
      : undefined;
    if (!list) throw new DomainError('distribution_list_unknown', { field });
    const members = await activeListMembers(tx, organizationId, list.id);
    if (members.length === 0)
      throw new DomainError('distribution_list_empty', { field, params: { name: list.name } });
    for (const c of members) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({
        category: recipientCategoryOf({ kind: c.kind, bodyType: c.body_type }),
        correspondentId: c.id,
        name:
          c.kind === 'practitioner'
            ? correspondentDisplayName({
                kind: 'practitioner',
                familyName: c.family_name,
                givenName: c.given_name,
              })
            : c.name,
        email: null,
      });
    }
  }
  return out;
}
