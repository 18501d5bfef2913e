// The registration use case itself, on the real database: unique indexes decide, retries are safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { CustomerService, randomCardCodes, type CardCodes, type Registration } from '../../domain/customers/service.js';
import { customerModel } from '../../domain/customers/model.js';

function registration(telegramId: number, phone: string): Registration {
  return { telegramId, phone, firstName: 'Test', locale: 'en', marketingConsent: false, policyConsent: { version: 1, at: new Date() } };
}

describe('registering a customer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('draws new card codes when a random one is already taken', async () => {
    const first = await h.services.customers.register(registration(1_001, '+359888100001'));
    expect(first.ok).toBe(true);
    const taken = first.ok ? first.value : undefined;

    // The first draw repeats every code of the existing card; the second draw is fresh.
    let draws = 0;
    const colliding: CardCodes = {
      cardToken: () => (draws === 0 ? taken!.cardToken! : randomCardCodes.cardToken()),
      cardNumber: () => (draws === 0 ? taken!.cardNumber! : randomCardCodes.cardNumber()),
      referralCode: () => (draws++ === 0 ? taken!.referralCode! : randomCardCodes.referralCode()),
    };
    const { conn, clock, jobs, preferences } = h.services;
    const service = new CustomerService(conn, clock, jobs, preferences, colliding);

    const second = await service.register(registration(1_002, '+359888100002'));
    expect(second.ok).toBe(true);
    expect(draws).toBe(2);
    if (second.ok) {
      expect(second.value.cardNumber).not.toBe(taken!.cardNumber);
      expect(second.value.cardToken).not.toBe(taken!.cardToken);
      expect(second.value.referralCode).not.toBe(taken!.referralCode);
    }
  });

  it('gives one phone to one account even when two register it at the same moment', async () => {
    const results = await Promise.all([
      h.services.customers.register(registration(2_001, '+359888200001')),
      h.services.customers.register(registration(2_002, '+359 888 200 001')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['PhoneTaken']);
    expect(await customerModel(h.app.conn).countDocuments({ phone: '+359888200001' })).toBe(1);
  });

  it('returns the existing card when the same account registers again', async () => {
    const first = await h.services.customers.register(registration(3_001, '+359888300001'));
    const again = await h.services.customers.register(registration(3_001, '+359888300001'));
    expect(first.ok && again.ok && String(again.value._id) === String(first.value._id)).toBe(true);
    expect(await customerModel(h.app.conn).countDocuments({ telegramId: 3_001 })).toBe(1);
  });
});
