// The languages the product speaks. Customers, owners and staff each have one; the domain stores it.
export const LOCALES = ['en', 'ru', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];
