/** The words of the starter catalog `hookcat init` writes, in the locales it has them in. */

export interface StarterTexts {
  readonly title: string;
  readonly description: string;
  readonly envelope: string;
  readonly eventId: string;
  readonly created: string;
  readonly signature: string;
  readonly accepted: string;
  readonly retries: string;
  readonly subscriptionsTitle: string;
  readonly subscriptionsDescription: string;
  readonly secret: string;
  readonly ordersTitle: string;
  readonly ordersDescription: string;
  readonly money: string;
  readonly amount: string;
  readonly currency: string;
  readonly orderId: string;
  readonly total: string;
  readonly reason: string;
  readonly createdTitle: string;
  readonly createdDescription: string;
  readonly paidTitle: string;
  readonly paidDescription: string;
  readonly cancelledTitle: string;
  readonly cancelledDescription: string;
  readonly basicExample: string;
}

/** `{name}` is the catalog's name, as `hookcat init` was given it. */
export const STARTER_TEXTS: { readonly [locale: string]: StarterTexts } = {
  en: {
    title: '{name} webhooks',
    description: 'Events {name} sends to your endpoint when an order is created, paid or cancelled.',
    envelope: 'Each delivery is an HTTP POST with a JSON body holding the event type, the payload and delivery data.',
    eventId: 'Unique identifier of the event; the same on every retry, so use it to ignore duplicates.',
    created: 'When the event happened.',
    signature:
      'Signed as Standard Webhooks specifies: an HMAC-SHA256 of the id, the timestamp and the raw body, in the webhook-signature header; the secret starts with whsec_.',
    accepted: 'Delivery accepted.',
    retries: 'A delivery that does not get a 2XX answer within 10 seconds is retried for up to 3 days.',
    subscriptionsTitle: 'Managing webhooks',
    subscriptionsDescription: 'Register the endpoints that receive events, and choose the events each one receives.',
    secret: 'Secret used to sign deliveries; shown once, when the subscription is created.',
    ordersTitle: 'Orders',
    ordersDescription: 'What happens to an order, from creation to payment or cancellation.',
    money: 'An amount of money.',
    amount: 'Amount in minor units (cents).',
    currency: 'ISO 4217 currency code.',
    orderId: 'Identifier of the order.',
    total: 'Total to pay.',
    reason: 'Why the order was cancelled.',
    createdTitle: 'Order created',
    createdDescription: 'A customer placed an order; it is not paid yet.',
    paidTitle: 'Order paid',
    paidDescription: 'The payment of an order succeeded.',
    cancelledTitle: 'Order cancelled',
    cancelledDescription: 'An order was cancelled before it was paid; it will not be delivered.',
    basicExample: 'An order of one item',
  },
  et: {
    title: '{name} webhookid',
    description: 'Sündmused, mille {name} saadab teie lõpp-punktile, kui tellimus luuakse, makstakse või tühistatakse.',
    envelope: 'Iga saadetis on HTTP POST päring, mille JSON-keha sisaldab sündmuse tüüpi, sündmuse andmeid ja saatmise andmeid.',
    eventId: 'Sündmuse unikaalne identifikaator; igal korduskatsel sama, nii et selle järgi saab korduvad saadetised vahele jätta.',
    created: 'Millal sündmus toimus.',
    signature:
      'Allkirjastatud Standard Webhooksi järgi: identifikaatori, ajatempli ja töötlemata keha HMAC-SHA256 päises webhook-signature; saladus algab eesliitega whsec_.',
    accepted: 'Saadetis on vastu võetud.',
    retries: 'Kui saadetis ei saa 10 sekundi jooksul 2XX vastust, proovitakse seda uuesti kuni 3 päeva.',
    subscriptionsTitle: 'Webhookide haldamine',
    subscriptionsDescription: 'Registreerige lõpp-punktid, mis sündmusi vastu võtavad, ja valige igaühe jaoks sündmused.',
    secret: 'Saladus, millega saadetised allkirjastatakse; näidatakse üks kord, tellimuse loomisel.',
    ordersTitle: 'Tellimused',
    ordersDescription: 'Mis tellimusega juhtub, loomisest maksmise või tühistamiseni.',
    money: 'Rahasumma.',
    amount: 'Summa sentides.',
    currency: 'ISO 4217 valuutakood.',
    orderId: 'Tellimuse identifikaator.',
    total: 'Makstav summa.',
    reason: 'Miks tellimus tühistati.',
    createdTitle: 'Tellimus loodud',
    createdDescription: 'Klient esitas tellimuse; see pole veel makstud.',
    paidTitle: 'Tellimus makstud',
    paidDescription: 'Tellimuse makse õnnestus.',
    cancelledTitle: 'Tellimus tühistatud',
    cancelledDescription: 'Tellimus tühistati enne maksmist; seda ei tarnita.',
    basicExample: 'Ühe tootega tellimus',
  },
};

/** The locales `hookcat init` has starter texts in. */
export const STARTER_LOCALES = Object.keys(STARTER_TEXTS);
