/** Word pools and a seeded random source for the synthetic catalogs: text in en, et, pl and fr
 * with the letters each language really uses, so sizes and character sets are realistic. */

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const WORDS: { readonly [locale: string]: readonly string[] } = {
  en: ['account', 'balance', 'record', 'customer', 'order', 'payment', 'notice', 'status', 'system', 'request', 'change', 'delivery', 'invoice', 'amount', 'service', 'period', 'partner', 'report', 'entry', 'limit', 'owner', 'contract', 'schedule', 'warehouse', 'review', 'approval', 'transfer', 'refund', 'seller', 'buyer', 'is', 'was', 'has', 'the', 'of', 'for', 'after', 'when', 'with', 'new', 'final', 'pending', 'daily', 'open'],
  et: ['arve', 'klient', 'tellimus', 'makse', 'konto', 'saldo', 'muudatus', 'olek', 'tähtaeg', 'kättetoimetamine', 'teenus', 'periood', 'partner', 'aruanne', 'kirje', 'summa', 'süsteem', 'päring', 'tühistamine', 'kinnitus', 'õigus', 'väärtus', 'ühendus', 'jääk', 'leping', 'ladu', 'ülevaatus', 'müüja', 'ostja', 'on', 'oli', 'pärast', 'kui', 'ning', 'uus', 'lõplik', 'ootel', 'päevane', 'avatud'],
  pl: ['faktura', 'klient', 'zamówienie', 'płatność', 'konto', 'saldo', 'zmiana', 'status', 'termin', 'dostawa', 'usługa', 'okres', 'partner', 'raport', 'wpis', 'kwota', 'system', 'żądanie', 'anulowanie', 'potwierdzenie', 'wartość', 'połączenie', 'środki', 'zwrot', 'umowa', 'magazyn', 'sprzedawca', 'kupujący', 'jest', 'był', 'po', 'gdy', 'oraz', 'nowy', 'końcowy', 'oczekujący', 'dzienny', 'otwarty'],
  fr: ['facture', 'client', 'commande', 'paiement', 'compte', 'solde', 'modification', 'statut', 'échéance', 'livraison', 'service', 'période', 'partenaire', 'rapport', 'écriture', 'montant', 'système', 'demande', 'annulation', 'confirmation', 'valeur', 'connexion', 'remboursement', 'élément', 'contrat', 'entrepôt', 'vendeur', 'acheteur', 'est', 'était', 'après', 'quand', 'avec', 'nouveau', 'définitif', 'en attente', 'quotidien', 'ouvert'],
};

/** A sentence of `words` words in `locale`, capitalized, ending with a full stop. */
export function sentence(random: Random, locale: string, words: number): string {
  const pool = WORDS[locale] ?? WORDS['en']!;
  const chosen = Array.from({ length: words }, () => pick(random, pool));
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A short title (no full stop). */
export function phrase(random: Random, locale: string, words: number): string {
  return sentence(random, locale, words).slice(0, -1);
}

/** The same idea in every locale: a map locale -> sentence. */
export function localized(random: Random, locales: readonly string[], words: number, make: typeof sentence = sentence): Record<string, string> {
  const text: Record<string, string> = {};
  for (const locale of locales) text[locale] = make(random, locale, words);
  return text;
}

/** Category ids: 50 domains of a platform with several products. */
export const CATEGORY_IDS = [
  'accounts', 'billing', 'bookings', 'cards', 'carts', 'catalog', 'channels', 'checkout', 'contracts', 'coupons',
  'customers', 'deliveries', 'devices', 'disputes', 'documents', 'fulfillment', 'gift-cards', 'identity', 'inventory', 'invoices',
  'ledger', 'loyalty', 'marketplace', 'members', 'messages', 'notifications', 'orders', 'organizations', 'partners', 'payees',
  'payments', 'payouts', 'pricing', 'products', 'promotions', 'quotes', 'refunds', 'reports', 'reservations', 'returns',
  'reviews', 'risk', 'sessions', 'settlements', 'shipments', 'subscriptions', 'support', 'taxes', 'transfers', 'warehouses',
];

/** Resources inside a category (the middle segment of a key). */
export const RESOURCES = [
  'item', 'record', 'entry', 'batch', 'request', 'notice', 'schedule', 'limit', 'rule', 'note',
  'document', 'token', 'method', 'account', 'balance', 'link', 'profile', 'address', 'contact', 'plan',
];

/** Past forms only, so the naming lint stays quiet (as in a consistent real catalog). */
export const VERBS = [
  'created', 'updated', 'deleted', 'completed', 'cancelled', 'failed', 'approved', 'rejected', 'expired', 'renewed',
  'suspended', 'resumed', 'archived', 'restored', 'published', 'verified', 'assigned', 'closed', 'opened', 'confirmed',
];
