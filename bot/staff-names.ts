// How owners read a staff member in fraud alerts and in /stats: their Telegram first name (asked of the
// staff group) with their id, so two baristas called Anna stay apart. Telegram unreachable or the
// person gone from the group: the id alone. Worded in the reader's language (`t`).
import type { Api } from 'grammy';
import type { Translate } from './translator.js';

export async function staffNames(api: Api, t: Translate, staffChatId: number | undefined, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(ids)) {
    let name: string | undefined;
    if (staffChatId !== undefined) {
      name = await api.getChatMember(staffChatId, id).then(
        (member) => member.user.first_name,
        () => undefined,
      );
    }
    names.set(id, name ? t('staff-name-with-id', { name, id: String(id) }) : t('staff-name-id-only', { id: String(id) }));
  }
  return names;
}
